/** Cross-cutting web concerns: RFC 9457 problem responses, request size limits, cursor pages. */
package org.rainbow.api.web;
