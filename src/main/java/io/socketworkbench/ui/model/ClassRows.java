package io.socketworkbench.ui.model;

import static io.socketworkbench.ui.i18n.I18n.t;
import static io.socketworkbench.lesson.exercise.BatchReport.csvLine;

import io.socketworkbench.ui.fx.EventPort;
import io.socketworkbench.ui.model.ClassBoard.Row;
import io.socketworkbench.ui.model.ClassBoard.Verdict;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class board's rows: each student machine's state (its attempts, the checks of its latest attempt, its rate),
 * published at most every {@link #PUBLISH_MILLIS} and sorted so that who needs help is on top, and the board as
 * CSV. No JavaFX.
 */
final class ClassRows {
    /** The most often the rows are published. */
    static final long PUBLISH_MILLIS = 250;
    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d+");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A student machine's state. */
    static final class Machine {
        final String address;
        final String sortKey;
        String name = "";
        int attempts;
        /** The checks of the attempt under way (or of the latest one); null where not decided. */
        final List<Verdict> checks;
        /** The checks of its latest finished attempt, or null before one has finished. */
        List<Verdict> last;
        String firstPass;
        boolean inProgress;
        /** When its last {@link ClassBoard#RATE_LIMIT} connections were taken (a ring, oldest at {@link #next}). */
        private final long[] taken = new long[ClassBoard.RATE_LIMIT];
        private int next;
        boolean limited;

        Machine(String address, int checks) {
            this.address = address;
            this.sortKey = naturalKey(address);
            this.checks = new ArrayList<>(Collections.nCopies(checks, null));
        }

        /**
         * A new connection: false (and shown as limited) when it would be more than the rate limit's connections in
         * any one second, until the oldest of them is a second old; otherwise a new attempt begins, connected.
         */
        boolean begin(long now) {
            long oldest = taken[next];
            if (oldest != 0 && now - oldest < 1_000_000_000L) {
                limited = true;
                return false;
            }
            taken[next] = now;
            next = (next + 1) % taken.length;
            limited = false;
            inProgress = true;
            attempts++;
            Collections.fill(checks, null);
            checks.set(0, new Verdict(true, ""));
            return true;
        }

        /** Decides a check of the attempt under way not decided yet (the first verdict stands). */
        void decide(int check, boolean passed, String why) {
            if (check < checks.size() && checks.get(check) == null) {
                checks.set(check, new Verdict(passed, passed ? "" : why));
            }
        }

        /** An attempt is over; {@code others} when another of its connections is still under way. */
        void end(boolean others) {
            inProgress = others;
            last = Collections.unmodifiableList(new ArrayList<>(checks));
            if (firstPass == null && checks.stream().allMatch(v -> v != null && v.passed())) {
                firstPass = LocalTime.now().format(CLOCK);
            }
        }

        Row row() {
            return new Row(address, name, attempts, last != null ? last
                    : Collections.unmodifiableList(new ArrayList<>(checks)), firstPass, limited, inProgress);
        }
    }

    private final EventPort port;
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Value<List<Row>> rows = new Value<>(List.of());
    private boolean publishing;

    ClassRows(EventPort port) {
        this.port = port;
    }

    Value<List<Row>> rows() {
        return rows;
    }

    /** The machine at {@code address}, new if need be; null when the board holds as many as it can. */
    Machine machine(String address, int checks) {
        Machine machine = machines.get(address);
        if (machine == null && machines.size() < ClassBoard.MAX_MACHINES) {
            machine = new Machine(address, checks);
            machines.put(address, machine);
        }
        return machine;
    }

    /** Every machine goes. */
    void clear() {
        machines.clear();
        publishNow();
    }

    /**
     * The rows change: they are published at most every {@link #PUBLISH_MILLIS}, so that a class connecting at once
     * costs the window a sort and a table update a tenth of a second, not one an event.
     */
    void publish() {
        if (!publishing) {
            publishing = true;
            port.schedule(PUBLISH_MILLIS, this::publishNow);
        }
    }

    /** Needs help first (failed), then in progress, then passed (earliest first pass first). */
    private void publishNow() {
        publishing = false;
        record Sorted(Row row, int rank, String key) {
        }
        List<Sorted> all = new ArrayList<>();
        for (Machine m : machines.values()) {
            Row row = m.row();
            all.add(new Sorted(row, rank(row), m.sortKey));
        }
        all.sort(Comparator.comparingInt(Sorted::rank).thenComparing(r -> r.row().firstPass() == null ? ""
                : r.row().firstPass()).thenComparing(Sorted::key));
        rows.set(all.stream().map(Sorted::row).toList());
    }

    /**
     * {@code text} with each run of up to 18 digits padded to 18 with zeros: such keys sort naturally as text
     * (127.0.0.9 before 127.0.0.10).
     */
    static String naturalKey(String text) {
        java.util.regex.Matcher digits = DIGITS.matcher(text);
        StringBuilder key = new StringBuilder();
        while (digits.find()) {
            String run = digits.group();
            digits.appendReplacement(key, run.length() >= 18 ? run : "0".repeat(18 - run.length()) + run);
        }
        digits.appendTail(key);
        return key.toString();
    }

    private static int rank(Row row) {
        if (row.limited() || row.failing()) {
            return 0;
        }
        return row.passing() ? 2 : 1;
    }

    /** The board as CSV: a row a machine, a column a check of {@code kind}; as it is now, not as last published. */
    String csv(ClassBoard.Kind kind) {
        if (publishing) {
            publishNow();
        }
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> head = new ArrayList<>(List.of(t("class.column.address"), t("class.column.name"),
                t("class.column.attempts")));
        kind.checks().forEach(key -> head.add(t("class.check." + key)));
        head.add(t("class.column.firstPass"));
        out.append(csvLine(head));
        for (Row row : rows.get()) {
            List<String> cells = new ArrayList<>(List.of(row.address(), row.name(), String.valueOf(row.attempts())));
            for (Verdict v : row.checks()) {
                cells.add(ClassBoard.mark(v, row.inProgress()));
            }
            cells.add(row.firstPass() == null ? "" : row.firstPass());
            out.append(csvLine(cells));
        }
        return out.toString();
    }
}
