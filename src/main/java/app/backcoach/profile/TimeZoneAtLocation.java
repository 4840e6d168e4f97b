package app.backcoach.profile;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import net.iakovlev.timeshape.TimeZoneEngine;
import org.jboss.logging.Logger;

/**
 * The IANA time zone at a place, looked up offline in OpenStreetMap's zone boundaries (Timeshape).
 * The map takes about 1.5 s and 190 MB to load, so it is loaded on the first shared location only,
 * and held softly: under memory pressure it goes, and the next location loads it again.
 */
final class TimeZoneAtLocation {

    private static SoftReference<TimeZoneEngine> engine = new SoftReference<>(null);

    private TimeZoneAtLocation() {
    }

    static Optional<String> find(double latitude, double longitude) {
        if (Double.isNaN(latitude) || Math.abs(latitude) > 90 || Double.isNaN(longitude) || Math.abs(longitude) > 180) {
            return Optional.empty();
        }
        return engine().query(latitude, longitude).map(zone -> zone.getId());
    }

    private static synchronized TimeZoneEngine engine() {
        TimeZoneEngine loaded = engine.get();
        if (loaded == null) {
            loaded = loadQuietly();
            engine = new SoftReference<>(loaded);
        }
        return loaded;
    }

    /** Drops the loaded map, as memory pressure would. */
    static synchronized void forget() {
        engine = new SoftReference<>(null);
    }

    /**
     * Timeshape logs an ERROR with a long line when its map has zones the Java runtime does not know
     * yet (a map newer than the JDK's time zone data). Those zones are merely left out, so that is a
     * warning: we say it in one line, naming them.
     */
    private static TimeZoneEngine loadQuietly() {
        java.util.logging.Logger index = java.util.logging.Logger.getLogger(TIMESHAPE_INDEX);
        UnknownZones unknown = new UnknownZones();
        boolean parentHandlers = index.getUseParentHandlers();
        index.addHandler(unknown);
        index.setUseParentHandlers(false);
        try {
            return TimeZoneEngine.initialize();
        } finally {
            index.setUseParentHandlers(parentHandlers);
            index.removeHandler(unknown);
            unknown.report();
        }
    }

    static final String TIMESHAPE_INDEX = "net.iakovlev.timeshape.Index";

    /** Collects what Timeshape's index logs while loading; passes on all but the unknown-zones error. */
    private static final class UnknownZones extends Handler {

        private static final Logger LOG = Logger.getLogger(TimeZoneAtLocation.class);
        private final List<LogRecord> others = new ArrayList<>();
        private String zones;

        @Override
        public synchronized void publish(LogRecord record) {
            String message = record.getMessage();
            int colon = message == null ? -1 : message.indexOf("not recognized:");
            if (colon >= 0) {
                zones = message.substring(colon + "not recognized:".length()).strip();
            } else {
                others.add(record);
            }
        }

        synchronized void report() {
            java.util.logging.Logger index = java.util.logging.Logger.getLogger(TIMESHAPE_INDEX);
            others.forEach(index::log);
            if (zones != null) {
                LOG.warnf("Time zones from a shared location: this Java runtime does not know %s yet (a newer JDK does); "
                        + "a location there finds no zone", zones);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
