package io.chaingraph.enterprise;

import io.chaingraph.entity.Platform;
import io.chaingraph.entity.PlatformLinkKind;

/** A platform's INCUBATES / INVESTS_IN / TRANSFERS_TECH_TO tie to an enterprise. */
public record PlatformTie(Platform platform, PlatformLinkKind kind, Integer since, String source) {
}
