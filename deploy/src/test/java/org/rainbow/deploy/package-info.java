/**
 * The deployment checks: docker-compose.yml, k8s/ and the services' Dockerfiles held against the services they
 * deploy. Reads files only; the YAML is parsed by SnakeYAML, the settings bound by Spring Boot's own binder.
 */
package org.rainbow.deploy;
