package org.rainbow.pipeline.warehouse.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the BigQuery REST API (v2), enough for the adapter's calls: datasets, tables,
 * query and load jobs, query results. It records every request and answers queries with canned rows.
 */
final class FakeBigQueryServer implements AutoCloseable {

    /** One HTTP request as the client sent it. */
    record Request(String method, String path, String body) {

        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    /** Canned answer to queries containing {@code sqlFragment}: columns typed as the REST API names them (INTEGER, BOOLEAN, ...), string cells. */
    record Answer(String sqlFragment, List<String[]> columns, List<List<String>> rows, long dmlAffectedRows) {
    }

    private static final Pattern PROJECT_PATH = Pattern.compile("/bigquery/v2/projects/([^/]+)(/.*)?");

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> datasets = new HashSet<>();
    private final Map<String, JsonObject> tables = new HashMap<>();
    private final Map<String, JsonObject> jobs = new HashMap<>();
    private final Map<String, List<String[]>> loadSchemas = new HashMap<>();
    private final List<Answer> answers = new ArrayList<>();

    static {
        // Replies leave at once: without TCP_NODELAY each one waits ~40 ms for the client's delayed ACK, which made
        // a model run against the stand-in take seconds. The JDK reads it once, before its first HTTP server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeBigQueryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    BigQuery client(String project) {
        return BigQueryOptions.newBuilder()
                .setProjectId(project)
                .setHost("http://127.0.0.1:" + server.getAddress().getPort())
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .build()
                .getService();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The jobs the client created, in order, as it sent them. */
    List<JsonObject> jobs() {
        return requests().stream().filter(r -> r.method().equals("POST") && r.path().endsWith("/jobs"))
                .map(Request::json).toList();
    }

    /** The SQL of every query job, in order. */
    List<String> queries() {
        return jobs().stream().map(job -> job.getAsJsonObject("configuration").getAsJsonObject("query"))
                .filter(Objects::nonNull).map(query -> query.get("query").getAsString()).toList();
    }

    void dataset(String dataset) {
        datasets.add(dataset);
    }

    /** A table that exists, with STRING columns and a row count. */
    void table(String dataset, String table, long rows, String... columns) {
        table(dataset, table, rows, Arrays.stream(columns).map(c -> new String[] {c, "STRING"}).toList());
    }

    /** A table that exists, with columns typed as the REST API names types (INTEGER, TIMESTAMP, ...), and a row count. */
    void table(String dataset, String table, long rows, List<String[]> columns) {
        tables.put(dataset + "." + table, tableResource(dataset, table, rows, columns));
    }

    /**
     * The table a load job of the file at {@code uri} makes, with the columns BigQuery would read from it
     * ({name, type}): the stand-in cannot read Parquet. A load of an unknown file makes no table.
     */
    void loads(String uri, List<String[]> columns) {
        loadSchemas.put(uri, columns);
    }

    private static JsonObject tableResource(String dataset, String table, long rows, List<String[]> columns) {
        JsonObject resource = new JsonObject();
        JsonObject reference = new JsonObject();
        reference.addProperty("datasetId", dataset);
        reference.addProperty("tableId", table);
        resource.add("tableReference", reference);
        JsonArray fields = new JsonArray();
        for (String[] column : columns) {
            JsonObject field = new JsonObject();
            field.addProperty("name", column[0]);
            field.addProperty("type", column[1]);
            fields.add(field);
        }
        JsonObject schema = new JsonObject();
        schema.add("fields", fields);
        resource.add("schema", schema);
        resource.addProperty("numRows", String.valueOf(rows));
        resource.addProperty("type", "TABLE");
        return resource;
    }

    void answer(Answer answer) {
        answers.add(answer);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // The client gzips request bodies.
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(new Request(method, path, body));
        Matcher m = PROJECT_PATH.matcher(path);
        if (!m.matches()) {
            reply(exchange, 404, error(404, "no route " + path));
            return;
        }
        String project = m.group(1);
        String[] rest = m.group(2) == null ? new String[0] : m.group(2).substring(1).split("/");
        try {
            synchronized (this) {
                route(exchange, method, project, rest, body);
            }
        } catch (RuntimeException e) {
            // A fake's own bug must show up as an answer, not as a dropped connection the client retries.
            reply(exchange, 500, error(500, "fake BigQuery failed: " + e));
        }
    }

    private void route(HttpExchange exchange, String method, String project, String[] p, String body)
            throws IOException {
        if (p.length == 1 && p[0].equals("datasets") && method.equals("POST")) {
            JsonObject dataset = JsonParser.parseString(body).getAsJsonObject();
            datasets.add(dataset.getAsJsonObject("datasetReference").get("datasetId").getAsString());
            reply(exchange, 200, dataset);
        } else if (p.length == 2 && p[0].equals("datasets") && method.equals("GET")) {
            if (datasets.contains(p[1])) {
                JsonObject dataset = new JsonObject();
                JsonObject reference = new JsonObject();
                reference.addProperty("projectId", project);
                reference.addProperty("datasetId", p[1]);
                dataset.add("datasetReference", reference);
                reply(exchange, 200, dataset);
            } else {
                reply(exchange, 404, error(404, "Not found: Dataset " + project + ":" + p[1]));
            }
        } else if (p.length == 4 && p[2].equals("tables") && method.equals("GET")) {
            JsonObject table = tables.get(p[1] + "." + p[3]);
            reply(exchange, table == null ? 404 : 200, table == null ? error(404, "Not found: Table") : table);
        } else if (p.length == 4 && p[2].equals("tables") && method.equals("DELETE")) {
            tables.remove(p[1] + "." + p[3]);
            reply(exchange, 204, null);
        } else if (p.length == 1 && p[0].equals("jobs") && method.equals("POST")) {
            JsonObject job = JsonParser.parseString(body).getAsJsonObject();
            complete(job);
            jobs.put(job.getAsJsonObject("jobReference").get("jobId").getAsString(), job);
            reply(exchange, 200, job);
        } else if (p.length == 2 && p[0].equals("jobs") && method.equals("GET")) {
            JsonObject job = jobs.get(p[1]);
            reply(exchange, job == null ? 404 : 200, job == null ? error(404, "Not found: Job") : job);
        } else if (p.length == 2 && p[0].equals("queries") && method.equals("GET")) {
            reply(exchange, 200, queryResults(jobs.get(p[1])));
        } else if (p.length == 5 && p[2].equals("tables") && p[4].equals("data") && method.equals("GET")) {
            JsonObject job = jobs.get(p[3].replaceFirst("^anon_", ""));
            JsonObject data = new JsonObject();
            JsonObject results = queryResults(job);
            data.add("rows", results.get("rows"));
            data.add("totalRows", results.get("totalRows"));
            reply(exchange, 200, data);
        } else {
            reply(exchange, 400, error(400, "fake BigQuery has no route for " + method + " " + String.join("/", p)));
        }
    }

    /** Every job finishes at once; query jobs get statistics and an anonymous destination table. */
    private void complete(JsonObject job) {
        JsonObject status = new JsonObject();
        status.addProperty("state", "DONE");
        job.add("status", status);
        JsonObject statistics = new JsonObject();
        JsonObject configuration = job.getAsJsonObject("configuration");
        if (configuration.has("query")) {
            JsonObject query = new JsonObject();
            Answer answer = answerFor(configuration.getAsJsonObject("query").get("query").getAsString());
            long affected = answer == null ? 0 : answer.dmlAffectedRows();
            query.addProperty("numDmlAffectedRows", String.valueOf(affected));
            // The fake's DML inserts every row it affects.
            JsonObject dml = new JsonObject();
            dml.addProperty("insertedRowCount", String.valueOf(affected));
            dml.addProperty("updatedRowCount", "0");
            dml.addProperty("deletedRowCount", "0");
            query.add("dmlStats", dml);
            statistics.add("query", query);
            JsonObject destination = new JsonObject();
            destination.addProperty("projectId", job.getAsJsonObject("jobReference").get("projectId").getAsString());
            destination.addProperty("datasetId", "_anonymous");
            destination.addProperty("tableId", "anon_" + job.getAsJsonObject("jobReference").get("jobId").getAsString());
            configuration.getAsJsonObject("query").add("destinationTable", destination);
        } else {
            JsonObject load = new JsonObject();
            load.addProperty("outputRows", "3");
            statistics.add("load", load);
            JsonObject loadJob = configuration.getAsJsonObject("load");
            List<String[]> columns = loadSchemas.get(loadJob.getAsJsonArray("sourceUris").get(0).getAsString());
            if (columns != null) {
                JsonObject destination = loadJob.getAsJsonObject("destinationTable");
                String dataset = destination.get("datasetId").getAsString();
                String table = destination.get("tableId").getAsString();
                tables.put(dataset + "." + table, tableResource(dataset, table, 3, columns));
            }
        }
        job.add("statistics", statistics);
    }

    private JsonObject queryResults(JsonObject job) {
        String sql = job.getAsJsonObject("configuration").getAsJsonObject("query").get("query").getAsString();
        Answer answer = answerFor(sql);
        JsonObject results = new JsonObject();
        results.addProperty("kind", "bigquery#getQueryResultsResponse");
        results.add("jobReference", job.get("jobReference"));
        results.addProperty("jobComplete", true);
        JsonArray fields = new JsonArray();
        JsonArray rows = new JsonArray();
        if (answer != null) {
            for (String[] column : answer.columns()) {
                JsonObject field = new JsonObject();
                field.addProperty("name", column[0]);
                field.addProperty("type", column[1]);
                fields.add(field);
            }
            for (List<String> row : answer.rows()) {
                JsonArray cells = new JsonArray();
                for (String value : row) {
                    JsonObject cell = new JsonObject();
                    cell.addProperty("v", value);
                    cells.add(cell);
                }
                JsonObject r = new JsonObject();
                r.add("f", cells);
                rows.add(r);
            }
        }
        JsonObject schema = new JsonObject();
        schema.add("fields", fields);
        results.add("schema", schema);
        results.add("rows", rows);
        results.addProperty("totalRows", String.valueOf(rows.size()));
        return results;
    }

    private Answer answerFor(String sql) {
        return answers.stream().filter(a -> sql.contains(a.sqlFragment())).findFirst().orElse(null);
    }

    private static JsonObject error(int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject wrapper = new JsonObject();
        wrapper.add("error", error);
        return wrapper;
    }

    private static void reply(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
