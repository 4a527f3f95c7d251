package io.socketworkbench.ui.common;

import io.socketworkbench.session.QuickItem;
import static io.socketworkbench.ui.i18n.I18n.t;

import io.socketworkbench.ui.model.QuickList;

import io.socketworkbench.ui.i18n.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A pane's saved quick messages, read as a careless edit or another editor leaves them: every good line is kept,
 * and a file not read whole as it is (lines skipped, not UTF-8, unreadable) is first copied beside itself
 * ({@code quick-client.txt.bad}) before the list may be saved over it. When no copy can be made, the list is not
 * saved over the file at all.
 */
final class QuickStore {
    /** What the panel gets: the items, whether it may save over the file, and a notice to show (or null). */
    record Loaded(List<QuickItem> items, boolean writable, String notice) {
    }

    private QuickStore() {
    }

    static Loaded load(Path store) {
        Path copy = store.resolveSibling(store.getFileName() + ".bad");
        List<QuickItem> items = List.of();
        String problem;
        try {
            QuickList.Read read = QuickList.read(store);
            items = read.items();
            if (!read.partial()) {
                return new Loaded(items, true, null);
            }
            problem = read.fallback() != null && read.skipped().isEmpty()
                    ? t("quick.encoding", store.getFileName(), read.fallback().name(), copy.getFileName())
                    : t("quick.partial", store.getFileName(), skippedLines(read.skipped()), copy.getFileName());
        } catch (IOException e) {
            problem = t("quick.unreadable", store);
        }
        try {
            Files.copy(store, copy, StandardCopyOption.REPLACE_EXISTING);
            return new Loaded(items, true, problem);
        } catch (IOException | RuntimeException e) {
            String why = I18n.error(io.socketworkbench.engine.SocketError.from(
                    e instanceof IOException io ? io : new IOException(e)));
            return new Loaded(items, false, problem + " " + t("quick.notSaved", store.getFileName(), why));
        }
    }

    /** The skipped lines and why, the first five of them. */
    static String skippedLines(List<QuickList.Skipped> skipped) {
        List<String> said = new ArrayList<>();
        for (QuickList.Skipped line : skipped.subList(0, Math.min(5, skipped.size()))) {
            said.add(t("quick.skip." + line.why(), line.line(), line.detail()));
        }
        if (skipped.size() > 5) {
            said.add(t("quick.skip.more", skipped.size() - 5));
        }
        return String.join(t("quick.skip.separator"), said);
    }
}
