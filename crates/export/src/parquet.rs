//! Apache Parquet with the Hugging Face translation schema:
//! `translation: struct<ar: string, en: string>` plus the other record
//! fields (`id`, `doc`, `block`, `role`, `score`, `idx`, `flags`), so
//! `datasets.load_dataset("parquet", …)` sees a translation dataset.
//!
//! Rows are buffered into record batches of [`BATCH_ROWS`] and row groups
//! of [`ROW_GROUP_ROWS`], so memory stays bounded on any corpus size.
//! Reading needs a seekable file (the footer is at the end).

use std::fs::File;
use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    Float64Builder, ListBuilder, StringBuilder, UInt32Builder,
};
use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::{
    ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder,
};
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use tarjama_record::{PairRecordV1, pair_id};

use crate::error::ExportError;
use crate::meta;
use crate::{FormatOptions, PairWriter};

/// Rows per record batch handed to the Parquet writer.
pub const BATCH_ROWS: usize = 8192;
/// Rows per Parquet row group (what the writer holds in memory).
pub const ROW_GROUP_ROWS: usize = 65536;

fn parquet_error(err: impl std::fmt::Display) -> ExportError {
    ExportError::malformed(format!("Parquet: {err}"))
}

fn string_field(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, true)))
}

/// The Arrow schema written for a language pair.
pub fn schema(src_lang: &str, tgt_lang: &str) -> SchemaRef {
    let translation =
        Fields::from(vec![string_field(src_lang), string_field(tgt_lang)]);
    let idx = Fields::from(vec![
        Field::new(src_lang, list_of(DataType::UInt32), true),
        Field::new(tgt_lang, list_of(DataType::UInt32), true),
    ]);
    Arc::new(Schema::new(vec![
        Field::new("translation", DataType::Struct(translation), true),
        string_field("id"),
        string_field("doc"),
        Field::new("block", DataType::UInt32, true),
        string_field("role"),
        Field::new("score", DataType::Float64, true),
        Field::new("idx", DataType::Struct(idx), true),
        Field::new("flags", list_of(DataType::Utf8), true),
    ]))
}

/// Column builders for one batch.
struct Columns {
    src: StringBuilder,
    tgt: StringBuilder,
    id: StringBuilder,
    doc: StringBuilder,
    block: UInt32Builder,
    role: StringBuilder,
    score: Float64Builder,
    idx_src: ListBuilder<UInt32Builder>,
    idx_tgt: ListBuilder<UInt32Builder>,
    flags: ListBuilder<StringBuilder>,
    rows: usize,
}

impl Columns {
    fn new() -> Columns {
        Columns {
            src: StringBuilder::new(),
            tgt: StringBuilder::new(),
            id: StringBuilder::new(),
            doc: StringBuilder::new(),
            block: UInt32Builder::new(),
            role: StringBuilder::new(),
            score: Float64Builder::new(),
            idx_src: ListBuilder::new(UInt32Builder::new()),
            idx_tgt: ListBuilder::new(UInt32Builder::new()),
            flags: ListBuilder::new(StringBuilder::new()),
            rows: 0,
        }
    }
}

/// Writes pairs to a Parquet file (snappy-compressed).
pub struct ParquetWriter<W: Write + Send> {
    writer: Option<ArrowWriter<W>>,
    schema: SchemaRef,
    columns: Columns,
    src_lang: String,
    tgt_lang: String,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter")
            .field("src_lang", &self.src_lang)
            .field("tgt_lang", &self.tgt_lang)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer on `out` for the options' language pair.
    pub fn new(
        out: W,
        options: &FormatOptions,
    ) -> Result<ParquetWriter<W>, ExportError> {
        let schema = schema(&options.src_lang, &options.tgt_lang);
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(format!("tarjama {}", options.tool_version))
            .build();
        let writer =
            ArrowWriter::try_new(out, schema.clone(), Some(properties))
                .map_err(parquet_error)?;
        Ok(ParquetWriter {
            writer: Some(writer),
            schema,
            columns: Columns::new(),
            src_lang: options.src_lang.clone(),
            tgt_lang: options.tgt_lang.clone(),
        })
    }

    fn flush_batch(&mut self) -> Result<(), ExportError> {
        if self.columns.rows == 0 {
            return Ok(());
        }
        let mut c = std::mem::replace(&mut self.columns, Columns::new());
        let (translation_fields, idx_fields) = match (
            self.schema.field(0).data_type(),
            self.schema.field(6).data_type(),
        ) {
            (DataType::Struct(t), DataType::Struct(i)) => {
                (t.clone(), i.clone())
            }
            _ => return Err(parquet_error("schema without struct columns")),
        };
        let translation = StructArray::try_new(
            translation_fields,
            vec![
                Arc::new(c.src.finish()) as ArrayRef,
                Arc::new(c.tgt.finish()),
            ],
            None,
        )
        .map_err(parquet_error)?;
        let idx = StructArray::try_new(
            idx_fields,
            vec![
                Arc::new(c.idx_src.finish()) as ArrayRef,
                Arc::new(c.idx_tgt.finish()),
            ],
            None,
        )
        .map_err(parquet_error)?;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(translation),
            Arc::new(c.id.finish()),
            Arc::new(c.doc.finish()),
            Arc::new(c.block.finish()),
            Arc::new(c.role.finish()),
            Arc::new(c.score.finish()),
            Arc::new(idx),
            Arc::new(c.flags.finish()),
        ];
        let batch = RecordBatch::try_new(self.schema.clone(), columns)
            .map_err(parquet_error)?;
        match &mut self.writer {
            Some(writer) => writer.write(&batch).map_err(parquet_error),
            None => Err(parquet_error("write after finish")),
        }
    }
}

impl<W: Write + Send> PairWriter for ParquetWriter<W> {
    fn write_pair(&mut self, pair: &PairRecordV1) -> Result<(), ExportError> {
        let (src, tgt) = meta::sides(pair, &self.src_lang, &self.tgt_lang);
        let c = &mut self.columns;
        c.src.append_value(src);
        c.tgt.append_value(tgt);
        c.id.append_value(&pair.id);
        c.doc.append_value(&pair.doc);
        c.block.append_value(pair.block);
        c.role.append_value(pair.role.as_str());
        c.score.append_value(pair.score);
        for (lang, list) in [
            (&self.src_lang, &mut c.idx_src),
            (&self.tgt_lang, &mut c.idx_tgt),
        ] {
            match pair.idx.get(lang.as_str()) {
                Some(indices) => {
                    list.values().append_slice(indices);
                    list.append(true);
                }
                None => list.append(false),
            }
        }
        for flag in &pair.flags {
            c.flags.values().append_value(flag);
        }
        c.flags.append(true);
        c.rows += 1;
        if c.rows >= BATCH_ROWS {
            self.flush_batch()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), ExportError> {
        self.flush_batch()?;
        if let Some(writer) = self.writer.take() {
            let mut out = writer.into_inner().map_err(parquet_error)?;
            out.flush()?;
        }
        Ok(())
    }
}

/// Reads pairs from a Parquet file with the translation schema. Only the
/// `translation` column is required; missing metadata columns read as
/// defaults.
pub struct ParquetReader {
    batches: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    row_in_batch: usize,
    row: u64,
    src_lang: String,
    tgt_lang: String,
    done: bool,
}

impl std::fmt::Debug for ParquetReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetReader")
            .field("row", &self.row)
            .finish_non_exhaustive()
    }
}

impl ParquetReader {
    /// Opens `file`; the languages are the two fields of `translation`
    /// (the options' source language first when it is one of them).
    pub fn new(
        file: File,
        options: &FormatOptions,
    ) -> Result<ParquetReader, ExportError> {
        let builder = ParquetRecordBatchReaderBuilder::try_new(file)
            .map_err(parquet_error)?;
        let (src_lang, tgt_lang) = {
            let schema = builder.schema();
            let Ok(field) = schema.field_with_name("translation") else {
                return Err(parquet_error("no `translation` column"));
            };
            let DataType::Struct(fields) = field.data_type() else {
                return Err(parquet_error("`translation` is not a struct"));
            };
            let names: Vec<&str> =
                fields.iter().map(|f| f.name().as_str()).collect();
            match names.as_slice() {
                [a, b] if *b == options.src_lang => {
                    (b.to_string(), a.to_string())
                }
                [a, b] => (a.to_string(), b.to_string()),
                _ => {
                    return Err(parquet_error(
                        "`translation` must have exactly two language fields",
                    ));
                }
            }
        };
        let batches = builder
            .with_batch_size(BATCH_ROWS)
            .build()
            .map_err(parquet_error)?;
        Ok(ParquetReader {
            batches,
            batch: None,
            row_in_batch: 0,
            row: 0,
            src_lang,
            tgt_lang,
            done: false,
        })
    }

    fn pair_at(
        &self,
        batch: &RecordBatch,
        i: usize,
    ) -> Result<PairRecordV1, ExportError> {
        let string =
            |array: Option<&ArrayRef>| -> Result<String, ExportError> {
                let Some(array) = array else { return Ok(String::new()) };
                let strings =
                    array.as_string_opt::<i32>().ok_or_else(|| {
                        parquet_error("a text column is not a string column")
                    })?;
                Ok(if strings.is_null(i) {
                    String::new()
                } else {
                    strings.value(i).to_string()
                })
            };
        let translation = batch
            .column_by_name("translation")
            .and_then(|c| c.as_struct_opt())
            .ok_or_else(|| parquet_error("`translation` is not a struct"))?;
        let src = string(translation.column_by_name(&self.src_lang))?;
        let tgt = string(translation.column_by_name(&self.tgt_lang))?;
        let mut pair =
            meta::new_pair(&self.src_lang, src, &self.tgt_lang, tgt);
        pair.doc = string(batch.column_by_name("doc"))?;
        pair.role = meta::parse_role(&string(batch.column_by_name("role"))?)?;
        if let Some(block) = batch.column_by_name("block") {
            let block = block
                .as_primitive_opt::<UInt32Type>()
                .ok_or_else(|| parquet_error("`block` is not uint32"))?;
            if !block.is_null(i) {
                pair.block = block.value(i);
            }
        }
        if let Some(score) = batch.column_by_name("score") {
            let score = score
                .as_primitive_opt::<arrow_array::types::Float64Type>()
                .ok_or_else(|| parquet_error("`score` is not float64"))?;
            if !score.is_null(i) {
                pair.score = score.value(i);
            }
        }
        if let Some(idx) =
            batch.column_by_name("idx").and_then(|c| c.as_struct_opt())
        {
            for lang in [&self.src_lang, &self.tgt_lang] {
                let Some(list) = idx
                    .column_by_name(lang)
                    .and_then(|c| c.as_list_opt::<i32>())
                else {
                    continue;
                };
                if list.is_null(i) {
                    continue;
                }
                let values = list.value(i);
                let values =
                    values.as_primitive_opt::<UInt32Type>().ok_or_else(
                        || parquet_error("`idx` lists are not uint32"),
                    )?;
                pair.idx.insert(lang.clone(), values.values().to_vec());
            }
        }
        if let Some(flags) =
            batch.column_by_name("flags").and_then(|c| c.as_list_opt::<i32>())
        {
            if !flags.is_null(i) {
                let values = flags.value(i);
                let values =
                    values.as_string_opt::<i32>().ok_or_else(|| {
                        parquet_error("`flags` is not a list of strings")
                    })?;
                pair.flags =
                    values.iter().flatten().map(str::to_string).collect();
            }
        }
        pair.id = string(batch.column_by_name("id"))?;
        if pair.id.is_empty() && !pair.idx.is_empty() {
            pair.id = pair_id(&pair.doc, &pair.idx);
        }
        Ok(pair)
    }
}

impl Iterator for ParquetReader {
    type Item = Result<PairRecordV1, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            if let Some(batch) = &self.batch {
                if self.row_in_batch < batch.num_rows() {
                    let i = self.row_in_batch;
                    self.row_in_batch += 1;
                    self.row += 1;
                    let result = self
                        .pair_at(batch, i)
                        .map_err(|err| err.at_line(self.row));
                    if result.is_err() {
                        self.done = true;
                    }
                    return Some(result);
                }
            }
            match self.batches.next() {
                Some(Ok(batch)) => {
                    self.batch = Some(batch);
                    self.row_in_batch = 0;
                }
                Some(Err(err)) => {
                    self.done = true;
                    return Some(Err(parquet_error(err)));
                }
                None => {
                    self.done = true;
                    return None;
                }
            }
        }
    }
}
