package dev.sfbackup.policy.repository;

import dev.sfbackup.policy.NotificationChannel;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationChannelRepository implements PanacheRepositoryBase<NotificationChannel, UUID> {

    public List<NotificationChannel> listByName() {
        return listAll(Sort.by("name"));
    }

    public boolean nameTakenByOther(String name, UUID exceptId) {
        return count("lower(name) = lower(?1) and id <> ?2", name, exceptId) > 0;
    }
}
