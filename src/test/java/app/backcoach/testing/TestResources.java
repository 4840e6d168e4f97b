package app.backcoach.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every @QuarkusTest runs against real MariaDB and talks to the fake Bot API through the real client. */
@WithTestResource(value = MariaDbTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeBotApiResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
