package dev.heapscope.sim.lua53;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One printf conversion as the board's C library writes it: flags {@code - + space # 0}, width, precision,
 * and the exact decimal value of the binary number rounded half-to-even (what glibc and newlib's dtoa do),
 * so {@code %.2f}, {@code %e}, {@code %g} and {@code %a} give the board's digits, not Java's.
 */
final class CFormat {
    final boolean left;
    final boolean plus;
    final boolean space;
    final boolean alternate;
    final boolean zero;
    final int width;
    /** -1 when the spec has none. */
    final int precision;
    final char conversion;

    CFormat(String flags, int width, int precision, char conversion) {
        this.left = flags.indexOf('-') >= 0;
        this.plus = flags.indexOf('+') >= 0;
        this.space = flags.indexOf(' ') >= 0;
        this.alternate = flags.indexOf('#') >= 0;
        this.zero = flags.indexOf('0') >= 0;
        this.width = width;
        this.precision = precision;
        this.conversion = conversion;
    }

    static CFormat of(char conversion, int precision) {
        return new CFormat("", -1, precision, conversion);
    }

    /** %d %i (signed) and %o %u %x %X (the value's {@code bits}-bit two's complement, unsigned). */
    String integer(long value, int bits) {
        boolean signed = conversion == 'd' || conversion == 'i';
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        BigInteger magnitude = signed ? BigInteger.valueOf(value).abs()
                : new BigInteger(Long.toUnsignedString(value & mask));
        String digits = switch (conversion) {
            case 'o' -> magnitude.toString(8);
            case 'x' -> magnitude.toString(16);
            case 'X' -> magnitude.toString(16).toUpperCase(java.util.Locale.ROOT);
            default -> magnitude.toString();
        };
        if (precision == 0 && value == 0) {
            digits = "";
        }
        while (digits.length() < precision) {
            digits = "0" + digits;
        }
        String prefix = signed ? sign(value < 0) : "";
        if (alternate && conversion == 'o' && !digits.startsWith("0")) {
            digits = "0" + digits;
        } else if (alternate && (conversion == 'x' || conversion == 'X') && value != 0) {
            prefix = conversion == 'x' ? "0x" : "0X";
        }
        return pad(prefix, digits, precision < 0);
    }

    String character(int c) {
        return pad("", String.valueOf((char) (c & 0xff)), false);
    }

    /** %s: precision cuts, width pads; the text holds one char per byte. */
    String string(String bytes) {
        String cut = precision >= 0 && bytes.length() > precision ? bytes.substring(0, precision) : bytes;
        return pad("", cut, false);
    }

    /** %e %E %f %F %g %G %a %A of a C double. */
    String floating(double v) {
        boolean upper = Character.isUpperCase(conversion);
        boolean negative = (Double.doubleToRawLongBits(v) < 0);
        String prefix = sign(negative);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            String word = Double.isNaN(v) ? "nan" : "inf";
            return pad(prefix, upper ? word.toUpperCase(java.util.Locale.ROOT) : word, false);
        }
        double a = Math.abs(v);
        String body = switch (Character.toLowerCase(conversion)) {
            case 'f' -> fixed(a, precision < 0 ? 6 : precision);
            case 'e' -> exponential(a, precision < 0 ? 6 : precision);
            case 'g' -> general(a);
            default -> hex(a);
        };
        if (Character.toLowerCase(conversion) == 'a') {
            prefix += upper ? "0X" : "0x";
        }
        return pad(prefix, upper ? body.toUpperCase(java.util.Locale.ROOT) : body, true);
    }

    private String sign(boolean negative) {
        return negative ? "-" : plus ? "+" : space ? " " : "";
    }

    private String fixed(double a, int digits) {
        String text = new BigDecimal(a).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        return digits == 0 && alternate ? text + "." : text;
    }

    private String exponential(double a, int digits) {
        if (a == 0) {
            return mantissa("0".repeat(digits + 1)) + "e+00";
        }
        BigDecimal rounded = new BigDecimal(a).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
        String unscaled = rounded.unscaledValue().toString();
        int exponent = unscaled.length() - 1 - rounded.scale();
        StringBuilder all = new StringBuilder(unscaled);
        while (all.length() < digits + 1) {
            all.append('0');
        }
        String e = Integer.toString(Math.abs(exponent));
        return mantissa(all.substring(0, digits + 1)) + (exponent < 0 ? "e-" : "e+") + (e.length() < 2 ? "0" + e : e);
    }

    private String mantissa(String digits) {
        String rest = digits.substring(1);
        return digits.charAt(0) + (rest.isEmpty() && !alternate ? "" : "." + rest);
    }

    /** %g: %e or %f by the exponent the value has once rounded to P digits, trailing zeros removed. */
    private String general(double a) {
        int p = precision < 0 ? 6 : precision == 0 ? 1 : precision;
        int x = 0;
        if (a != 0) {
            BigDecimal rounded = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
            x = rounded.precision() - 1 - rounded.scale();
        }
        String text = p > x && x >= -4 ? fixed(a, p - 1 - x) : exponential(a, p - 1);
        if (alternate) {
            return text;
        }
        int e = text.indexOf('e');
        String number = e < 0 ? text : text.substring(0, e);
        String tail = e < 0 ? "" : text.substring(e);
        if (number.indexOf('.') >= 0) {
            number = number.replaceAll("0+$", "");
            if (number.endsWith(".")) {
                number = number.substring(0, number.length() - 1);
            }
        }
        return number + tail;
    }

    /** %a as glibc: {@code 1.8p+1}, mantissa digits trimmed unless a precision is given. */
    private String hex(double a) {
        if (a == 0) {
            return "0" + (precision > 0 ? "." + "0".repeat(precision) : alternate ? "." : "") + "p+0";
        }
        long bits = Double.doubleToRawLongBits(a);
        int exponent = Math.getExponent(a);
        long fraction = bits & 0xfffffffffffffL;
        long lead = 1;
        if (exponent == Double.MIN_EXPONENT - 1) { // subnormal: glibc prints 0x0.xxxp-1022
            lead = 0;
            exponent = Double.MIN_EXPONENT;
        }
        String digits;
        if (precision >= 0 && precision < 13) {
            int drop = (13 - precision) * 4;
            long whole = (lead << 52) | fraction;
            long kept = whole >>> drop;
            long rest = whole & ((1L << drop) - 1);
            long half = 1L << (drop - 1);
            if (rest > half || (rest == half && (kept & 1) == 1)) {
                kept++;
            }
            lead = kept >>> (precision * 4);
            digits = precision == 0 ? "" : String.format("%0" + precision + "x", kept & ((1L << (precision * 4)) - 1));
        } else {
            digits = String.format("%013x", fraction).replaceAll("0+$", "");
            if (precision > 13) {
                digits = digits + "0".repeat(precision - digits.length());
            }
        }
        String point = digits.isEmpty() && !alternate ? "" : ".";
        return lead + point + digits + "p" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** Width: spaces before (or after, with '-'), or zeros after the sign and prefix with '0'. */
    private String pad(String prefix, String body, boolean zeroAllowed) {
        int missing = width - prefix.length() - body.length();
        if (missing <= 0) {
            return prefix + body;
        }
        if (left) {
            return prefix + body + " ".repeat(missing);
        }
        if (zero && zeroAllowed) {
            return prefix + "0".repeat(missing) + body;
        }
        return " ".repeat(missing) + prefix + body;
    }
}
