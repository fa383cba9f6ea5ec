package org.network.searchnode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node on 127.0.0.1, with the plugins the site's indexes need, started from
 * jars on the classpath.
 *
 * <p>OpenSearch publishes its server and plugins to Maven Central but no runnable distribution,
 * so the node is started here rather than by OpenSearch's own launcher. {@link Node}'s constructor
 * that takes plugin classes is protected, hence the subclass; it skips the launcher's bootstrap
 * checks (jar hell, security manager, production limits), which guard real clusters. This node is
 * for tests and local development only: no security plugin, one shard copy, loopback only.
 *
 * <p>Usage: {@code java -cp target/classes:target/lib/* org.network.searchnode.SearchNode
 * <home directory> <HTTP port>}. It runs until it is sent SIGTERM.
 */
public final class SearchNode extends Node {

    private SearchNode(Environment environment) {
        super(
                environment,
                List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class),
                true);
    }

    static Settings settings(Path home, int httpPort) {
        return Settings.builder()
                .put("cluster.name", "network-search-node")
                .put("node.name", "search-node")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                // Any free port: only this node talks to itself over the transport layer.
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .put("discovery.type", "single-node")
                // On a small disk the default watermarks would make every index read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
    }

    /** A lone node cannot hold replicas: without this template every index would stay yellow. */
    private static void withoutReplicas(Node node) {
        node.client()
                .admin()
                .indices()
                .preparePutTemplate("single-node-without-replicas")
                .setPatterns(List.of("*"))
                // Lowest order: an index's own settings and other templates win.
                .setOrder(Integer.MIN_VALUE)
                .setSettings(Settings.builder().put("index.number_of_replicas", 0))
                .get();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SearchNode <home directory> <HTTP port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings(home, Integer.parseInt(args[1])), Map.of(), home.resolve("config"),
                () -> "search-node");

        SearchNode node = new SearchNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "search-node-shutdown"));
        node.start();
        withoutReplicas(node);
        // The node's own threads are daemons: this (non-daemon) thread keeps the JVM alive.
        stopped.await();
    }
}
