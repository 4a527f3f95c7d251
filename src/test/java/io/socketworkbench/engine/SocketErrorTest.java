package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

/**
 * The mapping from what the JDK throws to Python's wording. The messages here are in other languages on purpose:
 * the C library's text follows the user's locale, so the errno must come from the exception's type and the
 * operation, never from the text. Real failures are in {@code RealErrorsTest}.
 */
class SocketErrorTest {
    @Test
    void exceptionTypesMapToTheirErrnoWhateverTheMessageSays() {
        assertThat(SocketError.from(new ConnectException("拒绝连接")).pythonText())
                .isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(SocketError.from(new NoRouteToHostException("没有到主机的路由")).pythonText())
                .isEqualTo("OSError: [Errno 113] No route to host");
        assertThat(SocketError.from(new SocketTimeoutException("読み取りタイムアウト")).pythonText())
                .isEqualTo("TimeoutError: timed out");
        assertThat(SocketError.from(new java.nio.file.NoSuchFileException("/x/r.bin")).kind())
                .isEqualTo(ErrorKind.NO_SUCH_FILE);
        assertThat(SocketError.from(new java.nio.file.AccessDeniedException("/x/r.bin")).kind())
                .isEqualTo(ErrorKind.PERMISSION_DENIED);
    }

    @Test
    void readsAndWritesThatFailUnexplainedAreResetAndBrokenPipe() {
        assertThat(SocketError.ofRead(new IOException("连接被对方重置")).pythonText())
                .isEqualTo("ConnectionResetError: [Errno 104] Connection reset by peer");
        assertThat(SocketError.ofWrite(new IOException("断开的管道")).pythonText())
                .isEqualTo("BrokenPipeError: [Errno 32] Broken pipe");
    }

    @Test
    void aFailedBindIsToldApartByTheAddressNotTheMessage() {
        BindException chinese = new BindException("无法指定被请求的地址");
        // TEST-NET-3: an address no machine has.
        assertThat(SocketError.ofBind(chinese, new InetSocketAddress("203.0.113.9", 5000)).kind())
                .isEqualTo(ErrorKind.ADDRESS_NOT_AVAILABLE);
        assertThat(SocketError.ofBind(new BindException("地址已在使用"), new InetSocketAddress("127.0.0.1", 45000))
                .kind()).isEqualTo(ErrorKind.ADDRESS_IN_USE);
    }

    @Test
    void anUnknownHostIsAGaiErrorAndAnythingElseKeepsTheSystemsWords() {
        assertThat(SocketError.from(new UnresolvedAddressException()).kind().pythonClass())
                .isEqualTo("socket.gaierror");
        assertThat(SocketError.from(new IOException("something odd")).pythonText())
                .isEqualTo("OSError: something odd");
    }

    @Test
    void addressesAreWrittenTheWayPeopleWriteThem() throws Exception {
        var v6 = new java.net.InetSocketAddress(java.net.InetAddress.getByName("::1"), 80);
        assertThat(Address.format(v6)).isEqualTo("[::1]:80");
        var mid = new java.net.InetSocketAddress(java.net.InetAddress.getByName("2001:db8:0:0:1:0:0:1"), 1);
        assertThat(Address.format(mid)).isEqualTo("[2001:db8::1:0:0:1]:1");
        var v4 = new java.net.InetSocketAddress("127.0.0.1", 37777);
        assertThat(Address.format(v4)).isEqualTo("127.0.0.1:37777");
    }
}
