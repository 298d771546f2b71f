/** Payment methods (CASH, CREDIT_CARD, ...), referenced by every order. */
package org.rainbow.api.payment;
