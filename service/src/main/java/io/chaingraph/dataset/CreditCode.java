package io.chaingraph.dataset;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters from
 * a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V) and a check
 * character computed from them with weights 3^i mod 31.
 */
public final class CreditCode {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCode() {
	}

	/** Why {@code code} is not a valid credit code, or null when it is. */
	public static String problem(String code) {
		if (code.length() != 18) {
			return "must be 18 characters, has " + code.length();
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return "character '" + code.charAt(i) + "' at position " + (i + 1)
						+ " is not allowed (digits and upper-case letters except I, O, Z, S, V)";
			}
		}
		char expected = checkCharacter(code.substring(0, 17));
		if (code.charAt(17) != expected) {
			return "check digit is '" + code.charAt(17) + "' but should be '" + expected + "' (GB 32100-2015)";
		}
		return null;
	}

	public static boolean isValid(String code) {
		return code != null && problem(code) == null;
	}

	/** The check character for the first 17 characters. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - (sum % 31);
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

}
