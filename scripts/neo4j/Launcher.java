// Starts Neo4j Community embedded, with Bolt on 127.0.0.1, for scripts/neo4j.mjs.
// Run as a single-file program (`java -cp <jars> Launcher.java HOME PORT PASSWORD`): no build step.
// It sets the neo4j user's password (a restart on the same store keeps it), prints READY once Bolt
// accepts connections and stops the database cleanly on SIGTERM so that its store is never left
// needing recovery.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

public class Launcher {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: Launcher HOME PORT PASSWORD");
      System.exit(64);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    String password = args[2];
    Files.createDirectories(home);

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, true)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
            // Left to itself the page cache takes half the machine's memory; tests run several.
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache()))
            // Procedures from the plugins folder (APOC in the test tier) that need full access.
            .setConfig(GraphDatabaseSettings.procedure_unrestricted, unrestricted())
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    // The embedded API runs with full rights on the system database, so the generated password
    // can be set without the default one ever being usable over Bolt.
    setPassword(dbms, password);
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
        .executeTransactionally("RETURN 1");

    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }

  /**
   * Restarted on the same store (the outage tests bring a killed Neo4j back), the password is
   * already the one asked for, and Neo4j refuses to "change" it to itself: that is success.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    } catch (RuntimeException error) {
      if (!samePassword(error)) throw error;
    }
  }

  private static boolean samePassword(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("Old password and new password cannot be the same")) return true;
    }
    return false;
  }

  private static List<String> unrestricted() {
    String names = System.getenv("MAILLON_NEO4J_UNRESTRICTED");
    if (names == null || names.isBlank()) return List.of();
    return Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
  }

  private static String pageCache() {
    String size = System.getenv("MAILLON_NEO4J_PAGECACHE");
    return size == null || size.isBlank() ? "512m" : size;
  }
}
