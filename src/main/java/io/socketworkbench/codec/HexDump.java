package io.socketworkbench.codec;

import java.io.ByteArrayOutputStream;

/** The classic dump: offset, sixteen bytes in hex split in two groups of eight, then the printable ASCII. */
public final class HexDump {
    public static final int BYTES_PER_LINE = 16;

    private HexDump() {
    }

    /** {@code 00000000  48 65 6c 6c 6f 0a                                 |Hello.|}, one line per sixteen bytes. */
    public static String format(byte[] bytes) {
        return format(bytes, 0, bytes.length);
    }

    public static String format(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder((to - from) / BYTES_PER_LINE * 78 + 78);
        for (int line = from; line < to; line += BYTES_PER_LINE) {
            if (line > from) {
                out.append('\n');
            }
            out.append(String.format("%08x ", line));
            int end = Math.min(line + BYTES_PER_LINE, to);
            for (int i = line; i < line + BYTES_PER_LINE; i++) {
                out.append(i - line == 8 ? "  " : " ");
                if (i < end) {
                    Hex.appendByte(out, bytes[i]);
                } else {
                    out.append("  ");
                }
            }
            out.append("  |");
            for (int i = line; i < end; i++) {
                int b = bytes[i] & 0xFF;
                out.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            out.append('|');
        }
        return out.toString();
    }

    /** Reads a dump made by {@link #format} back into bytes: the hex columns count, offsets and ASCII do not. */
    public static byte[] parse(String dump) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lineStart = 0;
        for (String line : dump.split("\n", -1)) {
            int bar = line.indexOf('|');
            String body = bar >= 0 ? line.substring(0, bar) : line;
            int space = body.indexOf(' ');
            if (space > 0) {
                try {
                    out.writeBytes(Hex.parse(body.substring(space)));
                } catch (PayloadSyntaxException e) {
                    throw new PayloadSyntaxException(e.problem(), lineStart + space + e.position(), e.offending());
                }
            }
            lineStart += line.length() + 1;
        }
        return out.toByteArray();
    }
}
