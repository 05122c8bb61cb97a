package io.chaingraph.security;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The refusals Tomcat writes itself, before any filter or controller runs (a request line or headers over
 * the server's limit, 8 KB by default, as a long query sent with GET makes; a request it cannot parse), in
 * the same JSON error body as every other refusal ({@link ErrorResponses}) instead of Tomcat's HTML page.
 * It replaces the host's error report valve; an error the application has written a body for is left alone.
 */
public final class JsonErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		// as Tomcat's own: nothing below 400, nothing if a body was written, each error reported once
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String message = (status == 400) ? "请求无法读取 (the request could not be read: its line or headers are over the"
				+ " server's limit, 8 KB, or malformed; send a long query with POST)"
				: "请求被拒绝 (the request was refused with HTTP status " + status + ")";
		String classification = (status >= 500) ? "INTERNAL_ERROR" : (status == 404) ? "NOT_FOUND" : "BAD_REQUEST";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(ErrorResponses.body(classification, List.of(message))));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is closed: nothing more to say
		}
	}

	/** Puts the valve on the host in place of Tomcat's (and Spring Boot's) HTML one. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
					host.getPipeline().addValve(new JsonErrorReportValve());
				}
			});
		}

		/** After Spring Boot's customizer, which adds its own error report valve. */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
