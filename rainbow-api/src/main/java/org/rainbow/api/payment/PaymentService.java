package org.rainbow.api.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.rainbow.api.web.InvalidRequestException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PaymentService {

    private final PaymentRepository payments;
    private final Clock clock;

    PaymentService(PaymentRepository payments, Clock clock) {
        this.payments = payments;
        this.clock = clock;
    }

    @Transactional
    public PaymentView register(PaymentFields fields) {
        return register(fields, clock.instant());
    }

    @Transactional
    public PaymentView register(PaymentFields fields, Instant at) {
        if (payments.existsByMethod(fields.method())) {
            throw new InvalidRequestException("method", "payment method " + fields.method() + " already exists");
        }
        return payments.save(new Payment(fields.method(), at)).view();
    }

    /** Ids of what existed before {@code before}: the master data the generator seeded draws no later additions. */
    @Transactional(readOnly = true)
    public List<Long> idsCreatedBefore(Instant before) {
        return payments.findIdsCreatedBefore(before);
    }

    /** Payment methods are few: the whole list, no paging. */
    @Transactional(readOnly = true)
    public List<PaymentView> all() {
        return payments.findAll(Sort.by("id")).stream().map(Payment::view).toList();
    }
}
