package dev.anneal.web;

import java.util.Locale;
import java.util.Map;

/** The content type an artifact is served with, by its extension; anything unknown is plain bytes. */
final class ArtifactType {
    private static final Map<String, String> TYPES = Map.of("png", "image/png", "svg", "image/svg+xml",
            "html", "text/html; charset=utf-8", "json", "application/json", "csv", "text/csv; charset=utf-8",
            "tsv", "text/tab-separated-values; charset=utf-8", "txt", "text/plain; charset=utf-8");

    private ArtifactType() {}

    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
