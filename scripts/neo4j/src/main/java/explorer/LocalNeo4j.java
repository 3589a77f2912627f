package explorer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j Community 5.26, embedded, with its Bolt server on 127.0.0.1: for development and tests
 * on machines without Docker (npm run neo4j; scripts/neo4j/run.ts starts it).
 *
 * Environment: NEO4J_PORT (7687; 0 = a free port), NEO4J_PASSWORD (required), NEO4J_DATA_DIR
 * (data/neo4j), NEO4J_PAGECACHE (256m), NEO4J_TX_MEMORY (256m: what one transaction may hold),
 * NEO4J_STOP_ON_EOF (1: stop when stdin closes). Prints "bolt://127.0.0.1:PORT" on stdout once the port
 * accepts connections; logs go to stderr. Stops cleanly on SIGINT/SIGTERM.
 */
public final class LocalNeo4j {
  public static void main(String[] args) {
    try {
      run();
    } catch (Throwable e) {
      // Neo4j's own threads would keep a failed JVM alive: exit, with the cause on stderr.
      System.err.println("neo4j: failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run() throws Exception {
    Map<String, String> env = System.getenv();
    String password = env.getOrDefault("NEO4J_PASSWORD", "");
    // Neo4j refuses passwords shorter than 8 characters; say so before starting anything.
    if (password.length() < 8) {
      fail("NEO4J_PASSWORD must be set to at least 8 characters (the password of user neo4j)");
    }
    int port = parsePort(env.getOrDefault("NEO4J_PORT", "7687"));
    if (port == 0) port = freePort();
    Path dataDir = Path.of(env.getOrDefault("NEO4J_DATA_DIR", "data/neo4j")).toAbsolutePath();
    long pagecache = ByteUnit.parse(env.getOrDefault("NEO4J_PAGECACHE", "256m"));
    long txMemory = ByteUnit.parse(env.getOrDefault("NEO4J_TX_MEMORY", "256m"));

    long t0 = System.nanoTime();
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
        // One query that reads too much fails alone instead of filling the pool every query shares
        // (dbms.memory.transaction.total.max, 70 % of the heap): the others go on.
        .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
        // Development data: keep one transaction log file, not two days of them.
        .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("neo4j: stopping");
      dbms.shutdown();
      System.err.println("neo4j: stopped");
    }, "neo4j-shutdown"));

    // The initial password of user neo4j, set on every start (so a changed NEO4J_PASSWORD takes
    // effect) and not to be changed at first login: drivers cannot answer that request.
    try {
      dbms.database("system").executeTransactionally(
          "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      // Neo4j refuses to "change" a password to itself: the data directory already has this one.
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
        dbms.shutdown();
        fail("could not set the password of user neo4j: " + e.getMessage());
      }
    }

    awaitPort(port, Duration.ofSeconds(60));
    System.err.printf("neo4j: Community %s, data in %s, started in %.1f s%n",
        org.neo4j.kernel.internal.Version.getNeo4jVersion(), dataDir, (System.nanoTime() - t0) / 1e9);
    System.out.println("bolt://127.0.0.1:" + port);
    System.out.flush();
    if ("1".equals(env.get("NEO4J_STOP_ON_EOF"))) {
      // Started by a Node process (scripts/neo4j/local-neo4j.ts) that holds our stdin: when it
      // dies without stopping us (a killed test run), stdin closes and we stop too, no orphan JVM.
      Thread watcher = new Thread(() -> {
        try {
          while (System.in.read() != -1) {
            // nothing is sent; only the end matters
          }
        } catch (IOException ignored) {
          // the same as the end
        }
        System.exit(0);
      }, "stdin-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    new CountDownLatch(1).await(); // until the shutdown hook runs
  }

  private static int parsePort(String s) {
    try {
      int p = Integer.parseInt(s.trim());
      if (p >= 0 && p <= 65535) return p;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    fail("NEO4J_PORT=" + s + ": must be a port number 0–65535 (0 = any free port)");
    return -1;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  /** Bolt starts with the DBMS; wait until it really accepts a connection before saying so. */
  private static void awaitPort(int port, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) fail("Bolt did not accept connections on 127.0.0.1:" + port + " within " + timeout.toSeconds() + " s");
        Thread.sleep(100);
      }
    }
  }

  private static void fail(String message) {
    System.err.println("neo4j: " + message);
    System.exit(2);
  }
}
