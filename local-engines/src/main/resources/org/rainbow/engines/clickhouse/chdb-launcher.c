/*
 * Runs ClickHouse from libchdb.so as a server: clickhouse-local with the given arguments, whose query turns on
 * the HTTP and native listeners and then keeps running (the listeners live as long as that query).
 * Kept out of the JVM on purpose: the engine installs its own signal handlers.
 * usage: chdb-launcher /path/to/libchdb.so [clickhouse-local arguments ...]
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>

/* chDB's legacy result struct (query_stable_v2), declared here because the npm package ships no header. */
struct local_result_v2 {
    char *buf;
    size_t len;
    void *vec;
    double elapsed;
    uint64_t rows_read;
    uint64_t bytes_read;
    char *error_message;
};

typedef struct local_result_v2 *(*query_fn)(int, char **);

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s libchdb.so [clickhouse-local arguments ...]\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
        fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror());
        return 1;
    }
    query_fn query = (query_fn) dlsym(lib, "query_stable_v2");
    if (!query) {
        fprintf(stderr, "no query_stable_v2 in %s\n", argv[1]);
        return 1;
    }
    argv[1] = "clickhouse";
    struct local_result_v2 *result = query(argc - 1, argv + 1);
    if (!result) {
        fprintf(stderr, "clickhouse returned no result\n");
        return 1;
    }
    if (result->error_message) {
        fprintf(stderr, "clickhouse failed: %s\n", result->error_message);
        return 1;
    }
    return 0;
}
