/** Customers: who places orders. Name, email and city change over time (the warehouse keeps SCD2 history). */
package org.rainbow.api.customer;
