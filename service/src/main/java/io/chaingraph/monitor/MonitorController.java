package io.chaingraph.monitor;

import java.util.List;

import io.chaingraph.audit.Actor;
import io.chaingraph.security.ApiPrincipal;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Watches and alerts (monitor.graphqls): reads are open like every read, watches need the EDITOR role. */
@Controller
class MonitorController {

	private final Alerts alerts;

	MonitorController(Alerts alerts) {
		this.alerts = alerts;
	}

	@QueryMapping
	List<Alerts.Watch> watches() {
		return this.alerts.watches();
	}

	@QueryMapping
	List<Alerts.Alert> alerts(@Argument Alerts.AlertStatus status, @Argument int first) {
		return this.alerts.alerts(status, first);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Alerts.Watch watchSegments(@Argument String parkId, @Argument String chainId) {
		return this.alerts.watch(Alerts.WatchKind.SEGMENT_GAP, parkId, chainId, actor());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Alerts.Watch watchLeadingEnterprises(@Argument String parkId) {
		return this.alerts.watch(Alerts.WatchKind.LEADING_LEAVES, parkId, null, actor());
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	boolean unwatch(@Argument String id) {
		return this.alerts.unwatch(id);
	}

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	Alerts.Alert acknowledgeAlert(@Argument String id) {
		return this.alerts.acknowledge(id, actor());
	}

	private static Actor actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiPrincipal principal)) {
			throw new AuthenticationCredentialsNotFoundException("Mutations need an API token");
		}
		return new Actor(principal.name(), principal.role().name());
	}

}
