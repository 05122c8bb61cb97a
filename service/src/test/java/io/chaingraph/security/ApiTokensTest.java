package io.chaingraph.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@ExtendWith(OutputCaptureExtension.class)
class ApiTokensTest {

	static final String SECRET = "alice-secret-0123456789";

	@Test
	void plainAndHashedEntries() {
		String hash = java.util.HexFormat.of().formatHex(ApiTokens.sha256("bob-secret-0123456789"));
		ApiTokens tokens = ApiTokens.parse("alice:admin:" + SECRET + ",\n bob:VIEWER:sha256:" + hash.toUpperCase());
		assertThat(tokens.authenticate(SECRET)).hasValue(new ApiPrincipal("alice", Role.ADMIN));
		assertThat(tokens.authenticate("bob-secret-0123456789")).hasValue(new ApiPrincipal("bob", Role.VIEWER));
		assertThat(tokens.authenticate("sha256:" + hash)).isEmpty();
		assertThat(tokens.authenticate(SECRET + "x")).isEmpty();
		assertThat(tokens.authenticate("")).isEmpty();
		assertThat(ApiTokens.parse("").isEmpty()).isTrue();
		assertThat(ApiTokens.parse("  ").isEmpty()).isTrue();
	}

	@Test
	void tokensMayContainColons() {
		assertThat(ApiTokens.parse("ci:EDITOR:abc:def:0123456789xyz").authenticate("abc:def:0123456789xyz"))
			.hasValue(new ApiPrincipal("ci", Role.EDITOR));
	}

	@Test
	void malformedEntriesStopTheStartWithoutShowingTheSecret() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiTokens.parse("alice:ADMIN"))
			.withMessage("chaingraph.security.tokens entry 1 is not name:ROLE:token (or name:ROLE:sha256:<64 hex digits>)");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiTokens.parse("alice:ROOT:" + SECRET))
			.withMessage("chaingraph.security.tokens entry 'alice': unknown role 'ROOT', expected VIEWER, EDITOR or ADMIN")
			.withMessageNotContaining(SECRET);
		assertThatIllegalArgumentException().isThrownBy(() -> ApiTokens.parse("alice:ADMIN:short"))
			.withMessage("chaingraph.security.tokens entry 'alice': the token is shorter than 16 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiTokens.parse("a:ADMIN:" + SECRET + ",a:VIEWER:" + SECRET + "2"))
			.withMessage("chaingraph.security.tokens: the name 'a' is used twice");
	}

	@Test
	void rolesIncludeTheWeakerOnes() {
		assertThat(Role.ADMIN.includes(Role.EDITOR)).isTrue();
		assertThat(Role.EDITOR.includes(Role.ADMIN)).isFalse();
		assertThat(Role.EDITOR.authorities()).extracting(Object::toString).containsExactly("ROLE_VIEWER", "ROLE_EDITOR");
	}

	@Test
	void startUpSaysWhatIsConfiguredButNeverTheTokens(CapturedOutput output) {
		ApiTokens.parse("").logSummary(false);
		assertThat(output.getOut()).contains("No API tokens configured (chaingraph.security.tokens / CHAINGRAPH_TOKENS): "
				+ "the service is READ-ONLY, every mutation is refused");
		ApiTokens.parse("alice:ADMIN:" + SECRET).logSummary(true);
		assertThat(output.getOut()).contains("1 API token(s) configured: [alice (ADMIN)]; reads require a token")
			.doesNotContain(SECRET);
	}

}
