package dev.anneal.web;

import dev.anneal.store.Bucket;
import dev.anneal.store.RunStore;
import dev.anneal.store.SeriesKey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downsampled series of runs that no longer change (not RUNNING), kept by the most recent use: reading a
 * million-step series costs the store a scan of every row, a second open of the same chart costs nothing.
 */
final class SeriesCache {
    private record Key(String runId, SeriesKey series, long from, long to, int points) {}

    private final int capacity;
    private final Map<Key, List<Bucket>> entries;

    SeriesCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The buckets of {@code key}, from the cache when {@code settled} (the run has ended) and read before. */
    List<Bucket> read(RunStore store, String runId, SeriesKey key, RunRoutes.Window w, boolean settled) {
        if (!settled) return store.downsample(runId, key, w.from(), w.to(), w.points());
        Key k = new Key(runId, key, w.from(), w.to(), w.points());
        synchronized (this) {
            List<Bucket> hit = entries.get(k);
            if (hit != null) return hit;
        }
        List<Bucket> read = List.copyOf(store.downsample(runId, key, w.from(), w.to(), w.points()));
        synchronized (this) {
            entries.put(k, read);
            if (entries.size() > capacity) entries.remove(entries.keySet().iterator().next());
        }
        return read;
    }
}
