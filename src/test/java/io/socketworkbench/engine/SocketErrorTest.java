package io.socketworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;

class SocketErrorTest {
    @Test
    void jdkExceptionsReadAsPythonWouldPrintThem() {
        assertThat(SocketError.from(new ConnectException("Connection refused")).pythonText())
                .isEqualTo("ConnectionRefusedError: [Errno 111] Connection refused");
        assertThat(SocketError.from(new BindException("Address already in use")).pythonText())
                .isEqualTo("OSError: [Errno 98] Address already in use");
        assertThat(SocketError.from(new BindException("Permission denied")).pythonText())
                .isEqualTo("PermissionError: [Errno 13] Permission denied");
        assertThat(SocketError.from(new IOException("Connection reset")).pythonText())
                .isEqualTo("ConnectionResetError: [Errno 104] Connection reset by peer");
        assertThat(SocketError.from(new IOException("Broken pipe")).pythonText())
                .isEqualTo("BrokenPipeError: [Errno 32] Broken pipe");
        assertThat(SocketError.from(new SocketTimeoutException("Read timed out")).pythonText())
                .isEqualTo("TimeoutError: timed out");
        assertThat(SocketError.from(new UnresolvedAddressException()).pythonText())
                .isEqualTo("socket.gaierror: [Errno -2] Name or service not known");
        assertThat(SocketError.from(new IOException("Cannot assign requested address")).pythonText())
                .isEqualTo("OSError: [Errno 99] Cannot assign requested address");
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
