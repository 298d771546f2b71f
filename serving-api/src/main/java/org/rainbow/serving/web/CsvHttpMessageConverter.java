package org.rainbow.serving.web;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractSmartHttpMessageConverter;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * Any route's answer as CSV, for {@code Accept: text/csv}: a header line of the JSON field names, then a line per
 * row (a route answering one object, like freshness, is one line). Rows are records; their Jackson annotations
 * (field names, unwrapped measures) hold as in JSON.
 */
class CsvHttpMessageConverter extends AbstractSmartHttpMessageConverter<Object> {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final CsvMapper csv = CsvMapper.builder().build();

    CsvHttpMessageConverter() {
        super(TEXT_CSV);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return rowType(type) != null && canWrite(mediaType);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage message, Map<String, Object> hints) {
        throw new UnsupportedOperationException("CSV is written, not read");
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage message, Map<String, Object> hints)
            throws IOException {
        Collection<?> rows = value instanceof Collection<?> collection ? collection : List.of(value);
        csv.writer(csv.schemaFor(rowType(type)).withHeader()).writeValue(message.getBody(), rows);
    }

    /** The record a route answers one or a list of; none for anything else (a problem body stays JSON). */
    private static Class<?> rowType(ResolvableType type) {
        Class<?> raw = type.toClass();
        Class<?> row = Collection.class.isAssignableFrom(raw) ? type.asCollection().getGeneric().toClass() : raw;
        return row.isRecord() ? row : null;
    }
}
