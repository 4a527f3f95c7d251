/** Socket Workbench: a desktop tool and command line for learning, teaching and debugging sockets. */
module io.socketworkbench {
    requires javafx.controls;
    requires atlantafx.base;
    requires org.kordamp.ikonli.core;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.materialdesign2;
    requires info.picocli;
    requires jdk.charsets;
    requires java.desktop;
    requires java.logging;
    requires jdk.crypto.ec;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires com.google.gson;

    exports io.socketworkbench.engine;
    exports io.socketworkbench.codec;
    exports io.socketworkbench.app to javafx.graphics;
    opens io.socketworkbench.cli to info.picocli;
}
