package io.socketworkbench.codec;

/** Typed input that is not a valid payload; {@link #position()} is the index of the offending character. */
public final class PayloadSyntaxException extends IllegalArgumentException {

    /** What is wrong, as a stable key the UI translates. */
    public enum Problem {
        BAD_HEX_DIGIT, ODD_HEX_DIGITS, BAD_ESCAPE, NOT_A_BYTES_LITERAL, NON_ASCII_IN_BYTES, UNTERMINATED,
        UNMAPPABLE
    }

    private final Problem problem;
    private final int position;
    private final String offending;

    public PayloadSyntaxException(Problem problem, int position, String offending) {
        super(describe(problem, position, offending));
        this.problem = problem;
        this.position = position;
        this.offending = offending;
    }

    public Problem problem() {
        return problem;
    }

    /** Zero-based index into the input. */
    public int position() {
        return position;
    }

    /** The text at that position that could not be read. */
    public String offending() {
        return offending;
    }

    private static String describe(Problem problem, int position, String offending) {
        String what = switch (problem) {
            case BAD_HEX_DIGIT -> "'" + offending + "' is not a hex digit";
            case ODD_HEX_DIGITS -> "odd number of hex digits in '" + offending + "'";
            case BAD_ESCAPE -> "invalid escape '" + offending + "'";
            case NOT_A_BYTES_LITERAL -> "not a bytes literal: write it as b'...'";
            case NON_ASCII_IN_BYTES -> "bytes can only contain ASCII literal characters, not '" + offending + "'";
            case UNTERMINATED -> "missing closing quote";
            case UNMAPPABLE -> "'" + offending + "' cannot be written in this encoding";
        };
        return what + " at position " + (position + 1);
    }
}
