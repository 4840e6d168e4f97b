package app.backcoach.benchmark;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * A TCP relay between the app and MariaDB that counts what the app asks of the server: every command
 * packet (sequence id 0 in the client's stream), a query by its text with literals taken out. It counts
 * on the wire, so it sees what Hibernate's statistics do not (transaction control, autocommit switches,
 * pool validation) and nothing of other clients of the same server, unlike the server's global counters.
 * Works with the plain (uncompressed, unencrypted) protocol, which is what the app uses on loopback.
 * Server-side prepared statements are counted by their text too: the relay reads the id the server
 * gives each PREPARE from its answer, and names every EXECUTE after the statement it runs.
 */
final class StatementCountingProxy implements AutoCloseable {

    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern LIST = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)+\\s*\\)");
    private static final Pattern SELECT_LIST = Pattern.compile("(?i)^select (?!count|max|min|coalesce)(.{40,}?) from ");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** A multi-row INSERT is one kind whatever its number of rows. */
    private static final Pattern ROWS = Pattern.compile("\\(…\\)(?:, \\(…\\))+");

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;

    StatementCountingProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "sql-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** What was asked so far, by kind. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                Socket upstream = new Socket(targetHost, targetPort);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                Conversation conversation = new Conversation();
                daemon(() -> clientToServer(client, upstream, conversation), "sql-proxy-up");
                daemon(() -> serverToClient(upstream, client, conversation), "sql-proxy-down");
            } catch (IOException e) {
                if (open) {
                    System.err.println("sql proxy: " + e);
                }
            }
        }
    }

    /**
     * One connection's commands awaiting an answer, in order (the protocol answers in order), and the
     * statements the server prepared for it by id.
     */
    private static final class Conversation {
        final java.util.Queue<String> awaiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Map<Integer, String> prepared = new ConcurrentHashMap<>();
        volatile String lastPrepared = "?";
    }

    private void clientToServer(Socket client, Socket upstream, Conversation conversation) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
             OutputStream out = upstream.getOutputStream()) {
            while (true) {
                byte[] packet = readPacket(in);
                int length = packet.length - 4;
                if (packet[3] == 0 && length > 0) {
                    String kind = kind(packet, length, conversation);
                    int command = packet[4] & 0xff;
                    // CLOSE, SEND_LONG_DATA and QUIT get no answer
                    if (command != 0x19 && command != 0x18 && command != 0x01) {
                        conversation.awaiting.add(command == 0x16 ? "PREPARE " + conversation.lastPrepared : "");
                    }
                    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
                }
                out.write(packet);
                out.flush();
            }
        } catch (IOException ended) {
            close(client, upstream);
        }
    }

    /** Relays the server's packets, reading each answer's first packet for the id of a prepared statement. */
    private void serverToClient(Socket upstream, Socket client, Conversation conversation) {
        try (DataInputStream in = new DataInputStream(upstream.getInputStream());
             OutputStream out = client.getOutputStream()) {
            int previousSequence = -1;
            while (true) {
                byte[] packet = readPacket(in);
                int length = packet.length - 4;
                int sequence = packet[3] & 0xff;
                // An answer starts at sequence 1; a long result set wraps 255 → 0 → 1, which is no new answer.
                if (sequence == 1 && previousSequence != 0) {
                    String command = conversation.awaiting.poll();
                    if (command != null && command.startsWith("PREPARE ") && length >= 5 && (packet[4] & 0xff) == 0) {
                        conversation.prepared.put(int32(packet, 5), command.substring("PREPARE ".length()));
                    }
                }
                previousSequence = sequence;
                out.write(packet);
                out.flush();
            }
        } catch (IOException ended) {
            // the other direction closes both
        } finally {
            close(client, upstream);
        }
    }

    /** One protocol packet, its 4-byte header (length, sequence) included. */
    private static byte[] readPacket(DataInputStream in) throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] packet = new byte[4 + length];
        System.arraycopy(header, 0, packet, 0, 4);
        in.readFully(packet, 4, length);
        return packet;
    }

    private static int int32(byte[] packet, int offset) {
        return (packet[offset] & 0xff) | (packet[offset + 1] & 0xff) << 8 | (packet[offset + 2] & 0xff) << 16
                | (packet[offset + 3] & 0xff) << 24;
    }

    private static String kind(byte[] packet, int length, Conversation conversation) {
        int command = packet[4] & 0xff;
        String text = length > 1 ? new String(packet, 5, length - 1, StandardCharsets.UTF_8) : "";
        return switch (command) {
            case 0x03 -> normalise(text);
            case 0x16 -> {
                conversation.lastPrepared = normalise(text);
                // Counted together: each text is prepared once per connection, and then only executed.
                yield "PREPARE (a statement's first use on a connection)";
            }
            case 0x17 -> {
                int id = length >= 5 ? int32(packet, 5) : 0;
                // -1: the statement prepared just before, sent without waiting for its id
                yield id == -1 ? conversation.lastPrepared
                        : conversation.prepared.getOrDefault(id, "EXECUTE (unknown statement)");
            }
            case 0x19 -> "CLOSE (prepared statement)";
            case 0x0e -> "PING";
            case 0x01 -> "QUIT";
            case 0x02 -> "USE (init db)";
            case 0x1f -> "RESET CONNECTION";
            case 0x11 -> "CHANGE USER";
            default -> String.format("command 0x%02x", command);
        };
    }

    static String normalise(String sql) {
        String text = SPACE.matcher(sql.strip()).replaceAll(" ");
        text = STRING.matcher(text).replaceAll("?");
        text = NUMBER.matcher(text).replaceAll("?");
        text = LIST.matcher(text).replaceAll("(…)");
        text = ROWS.matcher(text).replaceAll("(…), …");
        text = SELECT_LIST.matcher(text).replaceFirst("select … from ");
        return text.length() > 180 ? text.substring(0, 177) + "…" : text;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket... both) {
        for (Socket socket : both) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        server.close();
        for (Socket socket : sockets) {
            close(socket);
        }
    }
}
