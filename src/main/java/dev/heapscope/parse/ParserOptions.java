package dev.heapscope.parse;

/**
 * @param strict throw {@link DumpFormatException} on the first line inside a dump that cannot be
 *               read, instead of warning and going on. For tests; the app is always lenient.
 */
public record ParserOptions(boolean strict) {
    public static final ParserOptions LENIENT = new ParserOptions(false);
    public static final ParserOptions STRICT = new ParserOptions(true);
}
