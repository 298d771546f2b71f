package org.rainbow.api.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What the API reads from JSON beyond Boot's settings: a blank or empty string is no number, date or id (Jackson
 * would read {@code "\u0000"} as null, that is "absent"), and no text may carry control characters, which
 * PostgreSQL would refuse (NUL) or store to trouble every reader.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictScalarsAndText() {
        SimpleModule text = new SimpleModule("rainbow-text").addDeserializer(String.class, new PlainTextDeserializer());
        return builder -> builder
                .withCoercionConfigDefaults(coercion -> coercion.setCoercion(CoercionInputShape.EmptyString,
                        CoercionAction.Fail).setAcceptBlankAsEmpty(false))
                .addModule(text);
    }

    /** Jackson's own string reading, then a refusal of C0 control characters other than tab and line breaks. */
    static final class PlainTextDeserializer extends StringDeserializer {

        static final String CONTROL_CHARACTER = "contains a control character";

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
                throw context.weirdStringException(value, String.class, CONTROL_CHARACTER);
            }
            return value;
        }
    }
}
