/** The pipeline's HTTP errors: every failure of an operator route as an RFC 9457 problem body. */
package org.rainbow.pipeline.web;
