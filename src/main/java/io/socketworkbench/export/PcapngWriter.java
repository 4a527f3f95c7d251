package io.socketworkbench.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a pcapng file (draft-ietf-opsawg-pcapng): a section header with a comment and the writing tool, one
 * interface of link type {@code LINKTYPE_RAW} (each packet an IPv4 or IPv6 packet, told by its first nibble) with
 * microsecond timestamps, then an enhanced packet block a packet. Little-endian, as the byte-order magic says.
 */
final class PcapngWriter {
    static final int LINKTYPE_RAW = 101;
    private static final int SHB = 0x0A0D0D0A;
    private static final int IDB = 1;
    private static final int EPB = 6;
    private static final short OPT_END = 0;
    private static final short OPT_COMMENT = 1;
    private static final short SHB_USERAPPL = 4;
    private static final short IF_NAME = 2;
    private static final short IF_TSRESOL = 9;

    private final OutputStream out;
    private ByteBuffer block = ByteBuffer.allocate(1 << 17).order(ByteOrder.LITTLE_ENDIAN);

    /** Writes the section header (with {@code comment}) and the one interface. */
    PcapngWriter(OutputStream out, String comment, String tool) throws IOException {
        this.out = out;
        start(SHB);
        block.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(OPT_COMMENT, comment.getBytes(StandardCharsets.UTF_8));
        option(SHB_USERAPPL, tool.getBytes(StandardCharsets.UTF_8));
        endOptions();
        finish();
        start(IDB);
        block.putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(0);
        option(IF_NAME, "socket-workbench (rebuilt from socket data)".getBytes(StandardCharsets.UTF_8));
        option(IF_TSRESOL, new byte[] {6});
        endOptions();
        finish();
    }

    /** One packet, {@code micros} after the epoch, with a comment of its own (null: none). */
    void packet(long micros, byte[] packet, int length, String comment) throws IOException {
        byte[] note = comment == null ? null : comment.getBytes(StandardCharsets.UTF_8);
        int need = length + 64 + (note == null ? 0 : note.length + 8);
        if (block.capacity() < need) {
            block = ByteBuffer.allocate(need).order(ByteOrder.LITTLE_ENDIAN);
        }
        start(EPB);
        block.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(length).putInt(length);
        block.put(packet, 0, length);
        pad();
        if (note != null) {
            option(OPT_COMMENT, note);
            endOptions();
        }
        finish();
    }

    private void start(int type) {
        block.clear();
        block.putInt(type).putInt(0); // the length, filled in by finish()
    }

    private void option(short code, byte[] value) {
        block.putShort(code).putShort((short) value.length).put(value);
        pad();
    }

    private void endOptions() {
        block.putShort(OPT_END).putShort((short) 0);
    }

    private void pad() {
        while (block.position() % 4 != 0) {
            block.put((byte) 0);
        }
    }

    private void finish() throws IOException {
        int length = block.position() + 4;
        block.putInt(length);
        block.putInt(4, length);
        out.write(block.array(), 0, length);
    }
}
