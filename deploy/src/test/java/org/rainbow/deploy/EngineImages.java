package org.rainbow.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The container images a manifest names: every {@code image} value anywhere in its YAML documents. */
final class EngineImages {

    record Image(String repository, String tag) {

        static Image parse(String reference) {
            int colon = reference.lastIndexOf(':');
            return colon > reference.lastIndexOf('/') ? new Image(reference.substring(0, colon), reference.substring(colon + 1))
                    : new Image(reference, "latest");
        }

        @Override
        public String toString() {
            return repository + ":" + tag;
        }
    }

    private EngineImages() {
    }

    static List<Image> in(List<Map<String, Object>> documents) {
        List<Image> images = new ArrayList<>();
        documents.forEach(document -> collect(document, images));
        return images;
    }

    private static void collect(Object node, List<Image> images) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("image".equals(key) && value instanceof String reference) {
                    images.add(Image.parse(reference));
                } else {
                    collect(value, images);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, images));
        }
    }
}
