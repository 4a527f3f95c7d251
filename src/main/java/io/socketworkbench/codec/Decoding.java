package io.socketworkbench.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Walks bytes in a charset, handing on runs of decoded text and the bytes that do not decode. */
final class Decoding {

    interface Sink {
        void text(CharSequence decoded);

        void malformed(byte[] source, int offset, int length);
    }

    private Decoding() {
    }

    static void walk(byte[] bytes, Charset charset, Sink sink) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, Math.min(bytes.length, 64 * 1024)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                drain(out, sink);
                int start = in.position();
                int length = Math.min(result.length(), in.remaining());
                sink.malformed(bytes, start, Math.max(1, length));
                in.position(Math.min(bytes.length, start + Math.max(1, length)));
                continue;
            }
            if (result.isOverflow()) {
                drain(out, sink);
                continue;
            }
            break;
        }
        decoder.flush(out);
        drain(out, sink);
    }

    private static void drain(CharBuffer out, Sink sink) {
        out.flip();
        if (out.hasRemaining()) {
            sink.text(out.toString());
        }
        out.clear();
    }

    /** Encodes text strictly: a character the charset cannot hold is reported at its position. */
    static byte[] encode(CharSequence text, Charset charset, int offsetInInput) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            byte[] result = new byte[encoded.remaining()];
            encoded.get(result);
            return result;
        } catch (CharacterCodingException e) {
            int bad = firstUnmappable(text, encoder);
            String what = bad < text.length()
                    ? new String(Character.toChars(Character.codePointAt(text, bad))) : "";
            throw new PayloadSyntaxException(PayloadSyntaxException.Problem.UNMAPPABLE, offsetInInput + bad, what);
        }
    }

    private static int firstUnmappable(CharSequence text, CharsetEncoder encoder) {
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int n = Character.charCount(cp);
            if (!encoder.reset().canEncode(text.subSequence(i, i + n))) {
                return i;
            }
            i += n;
        }
        return text.length();
    }
}
