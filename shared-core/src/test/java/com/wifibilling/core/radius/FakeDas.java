package com.wifibilling.core.radius;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * An in-process NAS answering on a loopback UDP port: each received datagram and its copy number go to
 * {@code answer}, which returns the datagrams to send back (none to stay silent). Records what arrived.
 */
final class FakeDas implements AutoCloseable {
    private final DatagramSocket socket;
    private final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final Thread loop;

    FakeDas(BiFunction<RadiusPacket, Integer, List<byte[]>> answer) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        loop = Thread.ofVirtual().start(() -> serve(answer));
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    List<byte[]> received() {
        return received;
    }

    private void serve(BiFunction<RadiusPacket, Integer, List<byte[]>> answer) {
        byte[] buffer = new byte[RadiusCodec.MAX_LENGTH];
        while (!socket.isClosed()) {
            var packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] copy = Arrays.copyOf(buffer, packet.getLength());
                received.add(copy);
                for (byte[] reply : answer.apply(RadiusCodec.decode(copy), received.size()))
                    socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        loop.join(1000);
    }
}
