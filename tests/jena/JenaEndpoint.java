// A small SPARQL 1.1 query endpoint over Apache Jena (ARQ on an in-memory TDB2 dataset), for the tests:
// Debian packages Jena's libraries but not its Fuseki server. The test fixture compiles this file with
// javac into a temporary folder and runs it on a free loopback port; nothing here is migkg's product.
//
//   java -cp CLASSPATH JenaEndpoint PORT FILE.nq... [--graph GRAPH-IRI FILE.ttl]...
//
// Loads every file into one dataset (N-Quads into their named graphs; a Turtle file after --graph into that
// graph), with the union of the named graphs as the default graph (as Fuseki's tdb2:unionDefaultGraph), and
// answers the SPARQL 1.1 Protocol's query operation at /sparql: GET ?query=..., POST of a form with
// query=..., or POST of application/sparql-query. SELECT and ASK answer application/sparql-results+json,
// CONSTRUCT and DESCRIBE text/turtle; a query that does not parse answers 400 with Jena's message.
// It prints "ready <port>" on stdout once it listens.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;

public final class JenaEndpoint {
    private JenaEndpoint() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Dataset dataset = TDB2Factory.createDataset();
        dataset.begin(ReadWrite.WRITE);
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--graph")) {
                    String graph = args[++i];
                    RDFDataMgr.read(dataset.getNamedModel(graph), args[++i], Lang.TURTLE);
                } else {
                    RDFDataMgr.read(dataset, args[i], Lang.NQUADS);
                }
            }
            dataset.commit();
        } finally {
            dataset.end();
        }
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/sparql", exchange -> answer(exchange, dataset));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("ready " + server.getAddress().getPort());
        System.out.flush();
    }

    private static void answer(HttpExchange exchange, Dataset dataset) throws IOException {
        try {
            String text = queryText(exchange);
            if (text == null) {
                send(exchange, 400, "text/plain", "no query given".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Query query;
            try {
                query = QueryFactory.create(text);
            } catch (QueryParseException err) {
                send(exchange, 400, "text/plain", err.getMessage().getBytes(StandardCharsets.UTF_8));
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String type;
            dataset.begin(ReadWrite.READ);
            try (QueryExecution execution = QueryExecutionFactory.create(query, dataset)) {
                if (query.isSelectType()) {
                    ResultSetFormatter.outputAsJSON(body, execution.execSelect());
                    type = "application/sparql-results+json";
                } else if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(body, execution.execAsk());
                    type = "application/sparql-results+json";
                } else {
                    Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                    RDFDataMgr.write(body, model, Lang.TURTLE);
                    type = "text/turtle";
                }
            } finally {
                dataset.end();
            }
            send(exchange, 200, type + "; charset=utf-8", body.toByteArray());
        } catch (RuntimeException err) {
            send(exchange, 500, "text/plain", String.valueOf(err).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String queryText(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (contentType.startsWith("application/sparql-query")) {
                return body;
            }
            return parameter(body, "query");
        }
        return parameter(exchange.getRequestURI().getRawQuery(), "query");
    }

    private static String parameter(String form, String name) {
        if (form == null) {
            return null;
        }
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
