/** Orders and their lines: placing an order (one transaction) and reading orders back, newest first. */
package org.rainbow.api.order;
