/** What every route shares: RFC 9457 problem bodies for every failure. */
package org.rainbow.serving.web;
