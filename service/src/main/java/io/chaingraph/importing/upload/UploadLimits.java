package io.chaingraph.importing.upload;

import io.chaingraph.importing.ImportProperties;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart uploads are only for {@code POST /api/imports}: the servlet container's multipart limits are
 * {@code chaingraph.import.max-upload-size}, and the controller answers a larger upload with 413 in the
 * API's error format ({@code spring.servlet.multipart.resolve-lazily} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class UploadLimits {

	@Bean
	MultipartConfigElement multipartConfigElement(ImportProperties properties) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(properties.maxUploadSize());
		factory.setMaxRequestSize(properties.maxUploadSize());
		return factory.createMultipartConfig();
	}

}
