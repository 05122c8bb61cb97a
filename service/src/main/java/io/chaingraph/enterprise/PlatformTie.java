package io.chaingraph.enterprise;

import io.chaingraph.platform.Platform;
import io.chaingraph.platform.PlatformLinkKind;

/** A platform's INCUBATES / INVESTS_IN / TRANSFERS_TECH_TO tie to an enterprise. */
public record PlatformTie(Platform platform, PlatformLinkKind kind, Integer since, String source) {
}
