package io.chaingraph.entity;

/** Relationship types from a platform; SERVES targets a chain segment, the others an enterprise. */
public enum PlatformLinkKind {

	SERVES(false), INCUBATES(true), INVESTS_IN(true), TRANSFERS_TECH_TO(true);

	private final boolean targetsEnterprise;

	PlatformLinkKind(boolean targetsEnterprise) {
		this.targetsEnterprise = targetsEnterprise;
	}

	public boolean targetsEnterprise() {
		return this.targetsEnterprise;
	}

}
