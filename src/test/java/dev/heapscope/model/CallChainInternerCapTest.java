package dev.heapscope.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A bounded interner shares its first chains; later new ones are handed out equal but unshared. */
class CallChainInternerCapTest {

    @Test
    void chainsPastTheCapAreEqualButNotShared() {
        CallChainInterner interner = new CallChainInterner(2);
        CallChain a = interner.intern(new int[] {1, 2}, 2);
        CallChain b = interner.intern(new int[] {3}, 1);
        CallChain c1 = interner.intern(new int[] {4, 5, 6}, 3);
        CallChain c2 = interner.intern(new int[] {4, 5, 6}, 3);

        assertThat(interner.size()).isEqualTo(2);
        assertThat(interner.intern(new int[] {1, 2}, 2)).isSameAs(a);
        assertThat(interner.intern(CallChain.of(3))).isSameAs(b);
        assertThat(c1).isEqualTo(c2).isEqualTo(CallChain.of(4, 5, 6)).isNotSameAs(c2);
    }
}
