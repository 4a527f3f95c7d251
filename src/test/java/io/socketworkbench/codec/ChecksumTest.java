package io.socketworkbench.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each checksum against its published check value: the CRC catalogue's "123456789" vectors. */
class ChecksumTest {
    private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} of \"123456789\" is {1}")
    @CsvSource({
        "sum8, dd",
        "xor8, 31",
        "crc8, f4",
        "crc16-modbus, 37 4b", // 0x4B37, low byte first
        "crc16-ccitt, 29 b1", // CRC-16/CCITT-FALSE 0x29B1
        "crc32, cb f4 39 26",
        "lrc, 23",
        "none, ''",
    })
    void matchesTheCheckValue(String id, String hex) {
        Checksum checksum = Checksum.byId(id).orElseThrow();
        assertThat(Hex.format(checksum.of(CHECK))).isEqualTo(hex);
        assertThat(checksum.size()).isEqualTo(checksum.of(CHECK).length);
    }

    @Test
    void aModbusReadRequestEndsWithItsCrcLowByteFirst() {
        byte[] request = Hex.parse("01 03 00 00 00 0A");
        assertThat(Hex.format(Checksum.CRC16_MODBUS.append(request))).isEqualTo("01 03 00 00 00 0a c5 cd");
    }

    @Test
    void anLrcMakesTheSumOfTheMessageZero() {
        byte[] frame = Checksum.LRC.append(Hex.parse("01 03 00 00 00 0A"));
        int sum = 0;
        for (byte b : frame) {
            sum += b & 0xff;
        }
        assertThat(sum & 0xff).isZero();
    }

    @Test
    void namesAreTheCommandLinesAndUnknownOnesAreNone() {
        assertThat(Checksum.byId("CRC16-Modbus")).contains(Checksum.CRC16_MODBUS);
        assertThat(Checksum.byId("md5")).isEmpty();
    }

    @Test
    void placeholdersAreFilledForEachSend() {
        assertThat(Template.fill("n={{counter}};", 3)).isEqualTo("n=3;");
        assertThat(Template.fill("{{time}}", 1)).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        assertThat(Template.fill("{{random}}", 1)).matches("\\d{1,5}");
        assertThat(Template.fill("{{other}}", 1)).isEqualTo("{{other}}");
        assertThat(Template.hasPlaceholders("plain")).isFalse();
    }
}
