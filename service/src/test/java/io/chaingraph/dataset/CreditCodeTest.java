package io.chaingraph.dataset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

	@Test
	void acceptsCodesWithTheRightCheckCharacter() {
		assertThat(CreditCode.isValid("91330300MA2CQKXN3R")).isTrue();
		// check value 31 - (sum mod 31) = 31 wraps to '0'
		String first17 = "91330300MA2CQKX00";
		String code = first17 + CreditCode.checkCharacter(first17);
		assertThat(CreditCode.isValid(code)).isTrue();
	}

	@Test
	void explainsWhatIsWrong() {
		assertThat(CreditCode.problem("91330300MA2CQKXN3A"))
			.isEqualTo("check digit is 'A' but should be 'R' (GB 32100-2015)");
		assertThat(CreditCode.problem("91330300MA2CQKXN3")).isEqualTo("must be 18 characters, has 17");
		assertThat(CreditCode.problem("91330300MA2CQKIN3R")).startsWith("character 'I' at position 15 is not allowed");
		assertThat(CreditCode.isValid(null)).isFalse();
	}

	@Test
	void everyCheckCharacterIsReachable() {
		java.util.Set<Character> seen = new java.util.HashSet<>();
		for (int i = 0; i < 2000; i++) {
			seen.add(CreditCode.checkCharacter(String.format("9133030%010d", i)));
		}
		assertThat(seen).hasSize(31);
	}

}
