package org.rainbow.serving.web;

import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** CSV beside JSON for the routes' answers. */
@Configuration(proxyBeanMethods = false)
class CsvConfiguration {

    @Bean
    ServerHttpMessageConvertersCustomizer csvAnswers() {
        return converters -> converters.addCustomConverter(new CsvHttpMessageConverter());
    }
}
