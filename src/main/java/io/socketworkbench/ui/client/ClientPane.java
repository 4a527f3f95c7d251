package io.socketworkbench.ui.client;

import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.engine.Address;
import io.socketworkbench.engine.ClientConfig;
import io.socketworkbench.engine.CloseReason;
import io.socketworkbench.engine.ErrorKind;
import io.socketworkbench.engine.SocketError;
import io.socketworkbench.engine.SocketEngine;
import io.socketworkbench.engine.SocketEvent;
import io.socketworkbench.engine.TcpClient;
import io.socketworkbench.engine.UdpConfig;
import io.socketworkbench.engine.UdpEndpoint;
import io.socketworkbench.lesson.Lesson;
import io.socketworkbench.lesson.Session;
import java.time.Duration;
import io.socketworkbench.ui.common.Buttons;
import io.socketworkbench.ui.common.EndpointForm;
import io.socketworkbench.ui.common.InputBar;
import io.socketworkbench.ui.common.Message;
import io.socketworkbench.ui.common.TranscriptView;
import io.socketworkbench.ui.fx.FxBridge;
import io.socketworkbench.ui.i18n.I18n;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The client pane: connect (or, for UDP, just send to an address), and a transcript of what went each way. */
public final class ClientPane extends VBox {
    /** recv results shown one by one per delivery; the rest of a flood into a small bufsize is summed up. */
    static final int MAX_PIECES = 16;
    private final SocketEngine engine;
    private final FxBridge bridge;
    private final Lesson lesson;
    private final EndpointForm form;
    private final ToggleButton connect = new ToggleButton(t("client.connect"), new FontIcon(MaterialDesignL.LAN_CONNECT));
    private final Label state = new Label(t("client.state.idle"));
    private final TranscriptView transcript;
    private final InputBar inputBar;
    private TcpClient tcp;
    private UdpEndpoint udp;
    private String peer = "";
    private long bytesIn;
    private final CaptureButton captureButton;
    private final LabControls lab;
    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private Session.ClientLab activeLab = Session.ClientLab.DEFAULT;
    /** A peer's close that a hand-driven recv has not reached yet: it still has bytes to read first. */
    private SocketEvent.Closed eof;
    private final PendingRecv pending = new PendingRecv();

    /** {@code suffix} keeps node ids unique when there are several client tabs; the first has none. */
    public ClientPane(SocketEngine engine, FxBridge bridge, String suffix, Lesson lesson) {
        this.engine = engine;
        this.bridge = bridge;
        this.lesson = lesson;
        getStyleClass().add("pane-card");
        setSpacing(8);
        form = new EndpointForm("client" + suffix, "client.host", "client.path",
                List.of("127.0.0.1", "localhost", "::1"), "37777");
        Label title = new Label(t("client.title"));
        title.getStyleClass().addAll("title-3", "pane-title");
        state.setId("client-state" + suffix);
        state.getStyleClass().add("state-line");
        Buttons.onOff(connect, "client-connect" + suffix, form.validProperty(), this::open, this::close);
        HBox formRow = new HBox(8, form, connect);
        HBox.setHgrow(form, Priority.ALWAYS);
        formRow.setAlignment(Pos.CENTER_LEFT);
        transcript = new TranscriptView("client-transcript" + suffix, 2000);
        captureButton = new CaptureButton("client-capture" + suffix, transcript::add);
        VBox.setVgrow(transcript, Priority.ALWAYS);
        inputBar = new InputBar("client-input" + suffix, "client-send" + suffix, this::send);
        inputBar.charsetFrom(transcript::charset);
        lab = new LabControls(suffix, this::recvNow, this::shutdownOutput);
        HBox titleRow = new HBox(10, title, state);
        javafx.scene.layout.Region spring = new javafx.scene.layout.Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        titleRow.getChildren().addAll(spring, captureButton);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(titleRow, formRow, lab, transcript, inputBar);
    }

    public EndpointForm form() {
        return form;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    /** Every byte received since the pane opened, shown or not. */
    public long bytesReceived() {
        return bytesIn;
    }

    public boolean isOpen() {
        return tcp != null || udp != null;
    }

    /** Connects (TCP, AF_UNIX) or opens a UDP socket; DNS and connect happen on engine threads. */
    public void open() {
        close();
        var address = form.address();
        if (address.isEmpty()) {
            state.setText(form.hostText().isEmpty() ? t("host.empty") : t("port.invalid"));
            connect.setSelected(false);
            return;
        }
        form.remember(form.hostText());
        showOpen(true);
        activeLab = lab.lab();
        buffer.clear();
        eof = null;
        pending.stop();
        boolean isUdp = form.protocol() == EndpointForm.Protocol.UDP;
        boolean unix = form.protocol() == EndpointForm.Protocol.UNIX;
        lesson.clientOpening(new Session.ClientSetup(unix, isUdp, target(), lab.options(), activeLab));
        if (isUdp) {
            // On loopback, bind where replies come back to, so the diagram and the server see the same address.
            Address bind = form.loopback() == null ? null : new Address.Inet(form.loopback(), 0);
            udp = engine.udp(UdpConfig.of(bind).withOptions(lab.options()),
                    captureButton.capturing(bridge.toDatagrams(this::onEvent)));
            peer = form.ipPort();
            state.setText(t("client.state.ready", peer));
            return;
        }
        peer = address.get() instanceof Address.Unix path ? path.path().toString() : form.ipPort();
        state.setText(t("client.state.connecting", peer));
        Duration limit = activeLab.timeout() == null ? ClientConfig.DEFAULT_CONNECT_TIMEOUT
                : Duration.ofMillis(Math.max(1, Math.round(activeLab.timeout() * 1000)));
        // settimeout bounds connect and each recv. Receiving by hand, the lab times the recv itself.
        Duration idle = activeLab.timeout() == null || activeLab.manualReceive() ? null : limit;
        tcp = engine.connect(ClientConfig.of(address.get()).withOptions(lab.options()).withTimeouts(limit, idle),
                captureButton.capturing(bridge.to(this::onEvent)));
    }

    /** Captures every received byte to {@code file}, however much the transcript drops. */
    public void startCapture(java.nio.file.Path file) {
        captureButton.start(file);
    }

    /** Closes the capture file and reports how many bytes it kept. */
    public void stopCapture() {
        captureButton.stop();
    }

    /** The address in the form, as Python writes it. */
    private String target() {
        return Lesson.address(form.hostText(), form.port().orElse(0), form.protocol() == EndpointForm.Protocol.UNIX);
    }

    public void close() {
        pending.stop();
        if (eof != null) {
            SocketEvent.Closed pending = eof;
            eof = null;
            closed(pending);
        }
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.stop();
            udp = null;
            state.setText(t("client.state.idle"));
        }
        showOpen(false);
    }

    private void showOpen(boolean open) {
        connect.setSelected(open);
        connect.setText(t(open ? "client.disconnect" : "client.connect"));
        connect.setGraphic(new FontIcon(open ? MaterialDesignL.LAN_DISCONNECT : MaterialDesignL.LAN_CONNECT));
        form.lock(open && form.protocol() != EndpointForm.Protocol.UDP);
    }

    private boolean current(long source) {
        return (tcp != null && tcp.id() == source) || (udp != null && udp.id() == source);
    }

    private void onEvent(FxBridge.Delivery delivery) {
        SocketEvent event = delivery.event();
        if (!current(event.source())) {
            return;
        }
        if (event instanceof SocketEvent.Listening listening) {
            lesson.clientBound(listening.local());
            state.setText(t("client.state.udp", Address.format(listening.local()), peer));
        } else if (event instanceof SocketEvent.Connected connected) {
            peer = Address.format(connected.remote());
            state.setText(t("client.state.connected", Address.format(connected.local()), peer));
            transcript.add(Message.event(t("event.connected", peer)));
            lesson.clientConnected(connected.source(), connected.local(), connected.remote());
            lab.shutdown.setDisable(false);
            bridge.when(tcp.options(), values -> {
                lab.readBack(values);
                lesson.optionsRead(Lesson.Side.CLIENT, values);
            });
        } else if (event instanceof SocketEvent.Received received) {
            bytesIn += delivery.totalBytes();
            if (activeLab.manualReceive()) {
                buffer.add(received, delivery.elidedBytes());
                if (pending.waiting()) {
                    recvNow();
                } else {
                    showBuffered();
                }
            } else if (udp != null) {
                showDatagram(received);
            } else {
                showPieces(received.source(), received.data(), delivery.elidedBytes());
            }
        } else if (event instanceof SocketEvent.Closed closed) {
            if (activeLab.manualReceive() && closed.reason() == CloseReason.PEER && !pending.waiting()) {
                eof = closed;
                lesson.peerFinished(Lesson.Side.CLIENT, closed.source());
                showBuffered();
                return;
            }
            if (pending.waiting() && closed.reason() == CloseReason.PEER) {
                pending.stop();
                transcript.add(Message.event(t("lab.recvEmpty", activeLab.bufsize())));
            }
            closed(closed);
        } else if (event instanceof SocketEvent.Failed failed) {
            String text = I18n.error(failed.error());
            transcript.add(Message.error(text));
            if (udp != null) {
                lesson.raised("c.sendto(…)", failed.error());
            } else {
                lesson.clientFailed(failed.error());
            }
            state.setText(text);
            if (tcp != null && tcp.id() == failed.source()) {
                tcp = null;
                showOpen(false);
            }
        } else if (event instanceof SocketEvent.SendRejected rejected) {
            transcript.add(Message.error(t("log.sendRejected", rejected.queued())));
        }
    }

    private void closed(SocketEvent.Closed closed) {
        pending.stop();
        String text = switch (closed.reason()) {
            case PEER -> t("event.peerClosed");
            case LOCAL -> t("event.closedByUs");
            case RESET, ERROR -> I18n.error(closed.error());
        };
        transcript.add(closed.error() == null ? Message.event(text) : Message.error(text));
        lesson.closed(Lesson.Side.CLIENT, closed.source(), closed.reason(), closed.error());
        state.setText(text);
        lab.shutdown.setDisable(true);
        if (tcp != null && tcp.id() == closed.source()) {
            tcp = null;
        }
        showOpen(false);
    }

    /** What recv(bufsize) calls return for bytes that have arrived: at most bufsize each. */
    private void showPieces(long connection, byte[] data, long elided) {
        int size = activeLab.bufsize();
        int calls = (data.length + size - 1) / size;
        int shown = Math.min(calls, MAX_PIECES);
        for (int i = 0; i < shown; i++) {
            int from = i * size;
            int to = i == shown - 1 ? data.length : Math.min(data.length, from + size);
            byte[] piece = java.util.Arrays.copyOfRange(data, from, to);
            lesson.received(Lesson.Side.CLIENT, connection, piece, size);
            transcript.add(Message.received(piece, i == shown - 1 ? elided : 0, peer));
        }
        if (calls > shown) {
            transcript.add(Message.event(t("lab.morePieces", calls - shown + 1, size)));
        }
    }

    /** recvfrom(bufsize) returns one datagram; what does not fit in bufsize is lost. */
    private void showDatagram(SocketEvent.Received datagram) {
        int size = activeLab.bufsize();
        byte[] data = datagram.data();
        byte[] kept = data.length > size ? java.util.Arrays.copyOf(data, size) : data;
        int discarded = data.length - kept.length;
        lesson.receivedDatagram(Lesson.Side.CLIENT, kept, datagram.from(), size, discarded);
        transcript.add(Message.received(kept, 0, Address.format(datagram.from())));
        if (discarded > 0) {
            transcript.add(Message.event(t("lab.discarded", discarded, size)));
        }
    }

    private void showBuffered() {
        if (buffer.isEmpty() && eof != null) {
            state.setText(t("lab.eofWaiting"));
        } else if (!buffer.isEmpty()) {
            state.setText(t("lab.pending", buffer.bytes()));
        }
    }

    /** The lab's recv button: one recv, the way a Python socket would answer it now. */
    public void recvNow() {
        int size = activeLab.bufsize();
        String call = udp != null ? "data, addr = c.recvfrom(" + size + ")" : "data = c.recv(" + size + ")";
        if (!isOpen() && eof == null) {
            inputBar.showProblem(t("input.notConnected"));
            return;
        }
        if (!buffer.isEmpty()) {
            pending.stop();
            if (udp != null) {
                showDatagram(buffer.nextDatagram());
            } else {
                long connection = tcp != null ? tcp.id() : eof != null ? eof.source() : -1;
                byte[] piece = buffer.take(size);
                lesson.received(Lesson.Side.CLIENT, connection, piece, size);
                transcript.add(Message.received(piece, 0, peer));
            }
            showBuffered();
            return;
        }
        if (eof != null) {
            SocketEvent.Closed pending = eof;
            eof = null;
            transcript.add(Message.event(t("lab.recvEmpty", size)));
            closed(pending);
            return;
        }
        if (activeLab.nonBlocking()) {
            SocketError error = SocketError.of(ErrorKind.WOULD_BLOCK);
            lesson.receiveFailed(call, error);
            transcript.add(Message.error(I18n.error(error)));
            return;
        }
        if (pending.waiting()) {
            return;
        }
        state.setText(t("lab.recvWaiting", size));
        pending.start(activeLab.timeout(), () -> {
            SocketError error = SocketError.of(ErrorKind.TIMED_OUT);
            lesson.receiveFailed(call, error);
            transcript.add(Message.error(I18n.error(error)));
            state.setText(I18n.error(error));
        });
    }

    /** shutdown(SHUT_WR): no more sending; the server's recv returns b'' and it may still answer. */
    public void shutdownOutput() {
        if (tcp == null || !tcp.connected().isDone()) {
            inputBar.showProblem(t("input.notConnected"));
            return;
        }
        tcp.shutdownOutput();
        lesson.halfClosed(Lesson.Side.CLIENT, tcp.id());
        transcript.add(Message.event(t("lab.shutdownDone")));
        lab.shutdown.setDisable(true);
    }

    /** The socket lab, for examples and tests. */
    public void setLab(Session.ClientLab value) {
        lab.set(value);
    }

    /** Socket options for the next connect, as the lab's options dialog sets them. */
    public void setOptions(io.socketworkbench.engine.SocketOptionsSpec value) {
        lab.options(value);
    }

    private void send(byte[] data) {
        if (udp != null) {
            var target = form.address();
            if (target.isEmpty()) {
                inputBar.showProblem(t("port.invalid"));
                return;
            }
            udp.send(target.get(), data);
            lesson.sentDatagram(Lesson.Side.CLIENT, data, target(), form.ipPort());
            transcript.add(Message.sent(data, form.hostText() + ":" + form.port().orElse(0)));
        } else if (tcp != null && tcp.connected().isDone() && !tcp.connected().isCompletedExceptionally()) {
            tcp.send(data);
            transcript.add(Message.sent(data, peer));
            lesson.sent(Lesson.Side.CLIENT, tcp.id(), data);
        } else {
            inputBar.showProblem(t("input.notConnected"));
            return;
        }
        inputBar.clearInput();
    }
}
