package org.rainbow.pipeline.asset;

/** An asset name that is not in the graph: a 404 for the operator routes. */
public class UnknownAssetException extends RuntimeException {

    UnknownAssetException(String asset) {
        super("no asset named " + asset + " (GET /api/v1/assets lists them)");
    }
}
