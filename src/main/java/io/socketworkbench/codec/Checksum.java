package io.socketworkbench.codec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Checksums that device protocols append to each message, as serial and network debugging tools offer them. Each
 * gives the bytes it appends, in the order they go on the wire: CRC16-Modbus low byte first (as Modbus RTU sends
 * it), the other multi-byte sums high byte first.
 */
public enum Checksum {
    NONE("none", 0),
    /** The sum of all bytes, modulo 256. */
    SUM8("sum8", 1),
    /** All bytes XORed together (the "BCC" of many serial protocols). */
    XOR8("xor8", 1),
    /** CRC-8 (poly 0x07, init 0x00, no reflection, no final XOR): check value 0xF4. */
    CRC8("crc8", 1),
    /** CRC-16/MODBUS (poly 0x8005 reflected, init 0xFFFF): check value 0x4B37, sent low byte first. */
    CRC16_MODBUS("crc16-modbus", 2),
    /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection): check value 0x29B1, sent high byte first. */
    CRC16_CCITT("crc16-ccitt", 2),
    /** CRC-32 (as zip, Ethernet and Python's zlib.crc32): check value 0xCBF43926, sent high byte first. */
    CRC32("crc32", 4),
    /** Modbus ASCII's longitudinal redundancy check: the two's complement of the byte sum. */
    LRC("lrc", 1);

    private final String id;
    private final int size;

    Checksum(String id, int size) {
        this.id = id;
        this.size = size;
    }

    /** The name on the command line and in settings: {@code crc16-modbus}. */
    public String id() {
        return id;
    }

    /** Bytes it appends. */
    public int size() {
        return size;
    }

    public static Optional<Checksum> byId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
    }

    /** The bytes this checksum appends to {@code data}, in wire order (empty for {@link #NONE}). */
    public byte[] of(byte[] data) {
        return switch (this) {
            case NONE -> new byte[0];
            case SUM8 -> {
                int sum = 0;
                for (byte b : data) {
                    sum += b & 0xff;
                }
                yield new byte[] {(byte) sum};
            }
            case XOR8 -> {
                int x = 0;
                for (byte b : data) {
                    x ^= b & 0xff;
                }
                yield new byte[] {(byte) x};
            }
            case CRC8 -> {
                int crc = 0;
                for (byte b : data) {
                    crc ^= b & 0xff;
                    for (int i = 0; i < 8; i++) {
                        crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
                    }
                }
                yield new byte[] {(byte) crc};
            }
            case CRC16_MODBUS -> {
                int crc = 0xffff;
                for (byte b : data) {
                    crc ^= b & 0xff;
                    for (int i = 0; i < 8; i++) {
                        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
                    }
                }
                yield new byte[] {(byte) crc, (byte) (crc >>> 8)};
            }
            case CRC16_CCITT -> {
                int crc = 0xffff;
                for (byte b : data) {
                    crc ^= (b & 0xff) << 8;
                    for (int i = 0; i < 8; i++) {
                        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
                    }
                }
                yield new byte[] {(byte) (crc >>> 8), (byte) crc};
            }
            case CRC32 -> {
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(data);
                long v = crc.getValue();
                yield new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            }
            case LRC -> {
                int sum = 0;
                for (byte b : data) {
                    sum += b & 0xff;
                }
                yield new byte[] {(byte) -sum};
            }
        };
    }

    /** {@code data} with this checksum appended. */
    public byte[] append(byte[] data) {
        if (this == NONE) {
            return data;
        }
        byte[] sum = of(data);
        byte[] out = Arrays.copyOf(data, data.length + sum.length);
        System.arraycopy(sum, 0, out, data.length, sum.length);
        return out;
    }
}
