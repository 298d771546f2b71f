package org.rainbow.api.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rainbow.api.web.CursorPage;
import org.rainbow.api.web.InvalidRequestException;
import org.rainbow.api.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases on customers, one transaction each. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final Clock clock;

    CustomerService(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public CustomerView register(CustomerFields fields) {
        return register(fields, clock.instant());
    }

    /** Registers a customer as of {@code at} (the generator backdates history). */
    @Transactional
    public CustomerView register(CustomerFields fields, Instant at) {
        requireFreeEmail(fields.email());
        return CustomerView.of(customers.save(new Customer(fields, at)));
    }

    @Transactional
    public CustomerView change(long id, CustomerChange change) {
        return change(id, change, clock.instant());
    }

    @Transactional
    public CustomerView change(long id, CustomerChange change, Instant at) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("customer", id));
        if (change.email() != null && !change.email().equals(customer.getEmail())) {
            requireFreeEmail(change.email());
        }
        customer.change(change, at);
        customers.flush();
        return CustomerView.of(customer);
    }

    @Transactional(readOnly = true)
    public CustomerView find(long id) {
        return customers.findById(id).map(CustomerView::of).orElseThrow(() -> new NotFoundException("customer", id));
    }

    /** Ids of what existed before {@code before}: the master data the generator seeded draws no later additions. */
    @Transactional(readOnly = true)
    public List<Long> idsCreatedBefore(Instant before) {
        return customers.findIdsCreatedBefore(before);
    }

    @Transactional(readOnly = true)
    public CursorPage<CustomerView> list(long afterId, int size) {
        List<CustomerView> page = customers.findByIdGreaterThanOrderByIdAsc(afterId, Limit.of(size)).stream()
                .map(CustomerView::of).toList();
        return CursorPage.of(page, size, c -> Long.toString(c.id()));
    }

    private void requireFreeEmail(String email) {
        if (customers.existsByEmail(email)) {
            throw new InvalidRequestException("email", "email " + email + " is already registered");
        }
    }
}
