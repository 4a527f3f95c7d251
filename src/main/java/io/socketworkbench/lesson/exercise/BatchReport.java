package io.socketworkbench.lesson.exercise;

import io.socketworkbench.lesson.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's report, in the user's language: a CSV with a row a submission and a column a check ({@code ✓}, or
 * {@code ✗} with the hint), or one self-contained HTML page a teacher can open or mail, with the hints and each
 * program's last lines of output. Nothing a student's program printed is ever rendered as markup.
 */
public final class BatchReport {
    private BatchReport() {
    }

    /** The checks' titles, in the order they first appear: the report's columns. */
    public static List<String> columns(List<Batch.Result> results) {
        List<String> titles = new ArrayList<>();
        for (Batch.Result result : results) {
            for (Check check : result.report().checks()) {
                if (!titles.contains(check.title())) {
                    titles.add(check.title());
                }
            }
        }
        return titles;
    }

    private static Map<String, Check> byTitle(Batch.Result result) {
        Map<String, Check> checks = new LinkedHashMap<>();
        result.report().checks().forEach(check -> checks.putIfAbsent(check.title(), check));
        return checks;
    }

    /** Why a check failed, as a cell says it: its hint, or what was seen when it has none. */
    public static String why(Check check) {
        return check.hint().isEmpty() ? check.seen() : check.hint();
    }

    /** A cell: {@code ✓}, {@code ✗ hint} (or what was seen when there is no hint), or empty: not reached. */
    static String cell(Check check) {
        if (check == null) {
            return "";
        }
        if (check.passed()) {
            return "\u2713";
        }
        return why(check).isEmpty() ? "\u2717" : "\u2717 " + why(check);
    }

    /**
     * The report {@code file}'s name asks for: CSV for {@code .csv} (with a BOM, so that a spreadsheet reads it as
     * UTF-8), else the HTML page, dated {@code now}.
     */
    public static String forFile(java.nio.file.Path file, Exercise exercise, List<Batch.Result> results,
                                 java.time.LocalDateTime now) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                ? "\uFEFF" + csv(exercise, results)
                : html(exercise, results, now.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    public static String csv(Exercise exercise, List<Batch.Result> results) {
        List<String> columns = columns(results);
        StringBuilder out = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(Texts.t("batch.report.submission"));
        head.add(Texts.t("batch.report.verdict"));
        head.addAll(columns);
        row(out, head);
        for (Batch.Result result : results) {
            List<String> row = new ArrayList<>();
            row.add(result.submission().name());
            row.add(result.passed() ? "PASS" : "FAIL");
            Map<String, Check> checks = byTitle(result);
            for (String column : columns) {
                row.add(cell(checks.get(column)));
            }
            row(out, row);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(csvLine(cells));
    }

    /** A CSV line of {@link #csvCell}s, ended as RFC 4180 ends it ({@code \r\n}). */
    public static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvCell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /**
     * A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a field a spreadsheet would
     * read as a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a {@code '} in front.
     */
    public static String csvCell(String text) {
        String value = text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    public static String html(Exercise exercise, List<Batch.Result> results, String when) {
        List<String> columns = columns(results);
        long passed = results.stream().filter(Batch.Result::passed).count();
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"").append(Texts.locale().getLanguage().equals("zh") ? "zh-CN"
                : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(Texts.t("batch.report.title", exercise.id()))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em;color:#1f2328}\n")
                .append("table{border-collapse:collapse;margin:1em 0}\n")
                .append("th,td{border:1px solid #d0d7de;padding:.3em .6em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f6f8fa}\n.pass{color:#1a7f37;font-weight:bold}\n")
                .append(".fail{color:#cf222e;font-weight:bold}\n.hint{color:#59636e;font-size:.9em}\n")
                .append("pre{background:#f6f8fa;padding:.6em;white-space:pre-wrap;word-break:break-all}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(Texts.t("batch.report.title",
                        exercise.id()))).append("</h1>\n<p>").append(escape(exercise.title())).append("</p>\n<p>")
                .append(escape(Texts.t("batch.report.summary", passed, results.size(), when))).append("</p>\n")
                .append("<table>\n<tr><th>").append(escape(Texts.t("batch.report.submission"))).append("</th><th>")
                .append(escape(Texts.t("batch.report.verdict"))).append("</th>");
        for (String column : columns) {
            out.append("<th>").append(escape(column)).append("</th>");
        }
        out.append("</tr>\n");
        for (Batch.Result result : results) {
            out.append("<tr><td><a href=\"#s-").append(escape(anchor(result))).append("\">")
                    .append(escape(result.submission().name())).append("</a></td><td class=\"")
                    .append(result.passed() ? "pass\">\u2713 PASS" : "fail\">\u2717 FAIL").append("</td>");
            Map<String, Check> checks = byTitle(result);
            for (String column : columns) {
                Check check = checks.get(column);
                out.append("<td");
                if (check != null) {
                    out.append(" class=\"").append(check.passed() ? "pass" : "fail").append('"');
                }
                out.append('>');
                if (check != null && !check.passed()) {
                    out.append("\u2717<div class=\"hint\">").append(escape(why(check))).append("</div>");
                } else {
                    out.append(escape(cell(check)));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        for (Batch.Result result : results) {
            out.append("<h2 id=\"s-").append(escape(anchor(result))).append("\">")
                    .append(escape(result.submission().name())).append(result.passed() ? " \u2713" : " \u2717")
                    .append("</h2>\n<ul>\n");
            for (Check check : result.report().checks()) {
                out.append("<li class=\"").append(check.passed() ? "pass" : "fail").append("\">")
                        .append(escape(check.line())).append("</li>\n");
            }
            out.append("</ul>\n");
            if (!result.lastOutput().isEmpty()) {
                out.append("<p>").append(escape(Texts.t("batch.report.output", result.lastOutput().size())))
                        .append("</p>\n<pre>");
                for (String line : result.lastOutput()) {
                    out.append(escape(line)).append('\n');
                }
                out.append("</pre>\n");
            }
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static String anchor(Batch.Result result) {
        return result.submission().name().replaceAll("[^\\p{L}\\p{N}_-]", "_");
    }

    /** Text as HTML shows it, never as markup. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
