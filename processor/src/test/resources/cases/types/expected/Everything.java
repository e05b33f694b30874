package com.example.db;

import dev.quarry.runtime.Interval;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A row of the table {@code public.everything}.
 */
@Generated("dev.quarry.processor.QuarryProcessor")
@NullMarked
public record Everything(long id, @Nullable Short cInt2, @Nullable Integer cInt4,
    @Nullable Long cInt8, @Nullable BigDecimal cNumeric, @Nullable Float cFloat4,
    @Nullable Double cFloat8, @Nullable Boolean cBool, @Nullable String cText,
    @Nullable String cVarchar, @Nullable String cBpchar, @Nullable String cName,
    @Nullable String cCitext, byte @Nullable [] cBytea, @Nullable UUID cUuid,
    @Nullable LocalDate cDate, @Nullable LocalTime cTime, @Nullable OffsetTime cTimetz,
    @Nullable LocalDateTime cTimestamp, @Nullable OffsetDateTime cTimestamptz,
    @Nullable Interval cInterval, @Nullable String cJson, @Nullable String cJsonb,
    @Nullable String cInet, @Nullable String cCidr, @Nullable String cMacaddr,
    @Nullable String cMoney, @Nullable String cBit, @Nullable String cVarbit, @Nullable String cXml,
    @Nullable Long cOid, @Nullable String cTsvector, @Nullable String cInt4range,
    @Nullable String cInt4multirange, @Nullable String cPoint, @Nullable String cBox,
    @Nullable String cCircle, @Nullable String cLine, @Nullable String cLseg,
    @Nullable String cPath, @Nullable String cPolygon, @Nullable Mood cMood, int cDomain,
    @Nullable Address cAddress, @Nullable List<@Nullable Integer> cIntArray,
    @Nullable List<@Nullable String> cTextArray, @Nullable List<@Nullable Mood> cMoodArray,
    @Nullable List<@Nullable List<@Nullable Integer>> cIntMatrix,
    @Nullable List<@Nullable UUID> cUuidArray, @Nullable List<@Nullable LocalDate> cDateArray,
    @Nullable List<@Nullable OffsetDateTime> cTimestamptzArray,
    @Nullable List<@Nullable BigDecimal> cNumericArray,
    @Nullable List<@Nullable Boolean> cBoolArray, @Nullable List<byte @Nullable []> cByteaArray,
    @Nullable List<@Nullable String> cJsonbArray, @Nullable Stamp cStamp,
    @Nullable List<@Nullable Address> cAddressArray) {
}
