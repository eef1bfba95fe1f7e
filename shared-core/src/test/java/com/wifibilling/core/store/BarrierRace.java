package com.wifibilling.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs racers on their own threads, released together by a barrier so their conditional writes really overlap,
 * and returns each racer's answer in racer order. A racer's exception fails the test that raced it.
 */
public final class BarrierRace {
    private BarrierRace() {}

    public static <T> List<T> race(int racers, IntFunction<Callable<T>> racer) throws Exception {
        var barrier = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> body = racer.apply(i);
                answers.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return body.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) results.add(answer.get(120, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
